package org.batchledger.hub.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger, read-only, in the C2SP tlog-tiles layout under {@code /ledger/}: the latest signed checkpoint, hash
 * tiles and entry bundles, so any tlog-tiles client can verify it without GraphQL. A full tile never changes, so it
 * is cached for a year; partial tiles and the checkpoint move with the log.
 */
@RestController
class TileController {
    static final String PREFIX = "/ledger/tile/";
    private static final MediaType NOTE = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();

    private final Checkpoints checkpoints;
    private final TileReads tiles;

    TileController(Checkpoints checkpoints, TileReads tiles) {
        this.checkpoints = checkpoints;
        this.tiles = tiles;
    }

    @GetMapping("/ledger/checkpoint")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(NOTE).cacheControl(CacheControl.noStore())
                .body(checkpoints.latest().cosignedNote());
    }

    @GetMapping("/ledger/tile/**")
    ResponseEntity<byte[]> tile(HttpServletRequest request) {
        TilePath path = TilePath.parse(request.getRequestURI().substring(request.getContextPath().length()
                + PREFIX.length()));
        return tiles.read(path).map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .cacheControl(path.partial() ? SHORT : IMMUTABLE).body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(MalformedTilePathException.class)
    ResponseEntity<Map<String, String>> malformed(MalformedTilePathException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "malformed tile path", "detail", e.getMessage()));
    }
}
