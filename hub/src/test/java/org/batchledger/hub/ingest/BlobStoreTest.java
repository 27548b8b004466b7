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
    @Tag("REQ-INGEST-321")
    void aRefusedFilesOriginalIsRemovedUnlessASourceFileNamesItOrAnotherRunHoldsIt() throws Exception {
        BlobStore blobs = new BlobStore(data);
        try (SpooledFile f = spool("refused data")) {
            String sha = f.sha256();
            blobs.hold(sha);
            blobs.keep(f);

            assertThat(blobs.discard(sha, () -> true)).as("a SourceFile names it").isFalse();
            blobs.hold(sha); // another upload of the same bytes, still running
            assertThat(blobs.discard(sha, () -> false)).as("another run holds it").isFalse();
            assertThat(blobs.verified(sha)).isNotNull();
            blobs.release(sha);

            assertThat(blobs.discard(sha, () -> false)).isTrue();
            assertThat(blobs.verified(sha)).isNull();
            blobs.release(sha);
            blobs.hold(sha); // sent again: kept anew
            blobs.keep(f);
            assertThat(blobs.verified(sha)).isNotNull();
        }
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
