package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Originals by hash: kept whole (no temporary file left), read only when they still hash to their name. */
@Tag("REQ-INGEST-004")
class BlobStoreTest {
    @TempDir
    Path data;

    @Test
    void keepsAFileUnderItsHashAndChecksTheHashOnRead() throws Exception {
        BlobStore blobs = new BlobStore(data);
        try (SpooledFile f = spool("raw data")) {
            blobs.keep(f);
            Path kept = blobs.verified(f.sha256());

            assertThat(Files.readString(kept)).isEqualTo("raw data");
            try (Stream<Path> all = Files.walk(data.resolve("blobs"))) {
                assertThat(all.filter(p -> p.toString().endsWith(".part"))).isEmpty();
            }
            Files.writeString(kept, "cooked data");
            assertThatThrownBy(() -> blobs.verified(f.sha256())).isInstanceOf(BlobStore.BlobCorruptException.class)
                    .hasMessageContaining(f.sha256());
        }
        assertThat(blobs.verified("0".repeat(64))).isNull();
    }

    @Test
    void spoolingStopsAtTheLimitAndLeavesNothingBehind() throws Exception {
        Path spool = data.resolve("spool");

        assertThatThrownBy(() -> SpooledFile.of(new ByteArrayInputStream(new byte[11]), spool, 10))
                .isInstanceOf(SpooledFile.TooLargeException.class);
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    private SpooledFile spool(String text) throws Exception {
        return SpooledFile.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), data.resolve("spool"),
                1000);
    }
}
