package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The drop folder takes a file only once it held still across two polls, never a .part file, and moves each to
 * processed/ or failed/ with its report beside it. Polls are driven by the test, not a clock.
 */
@Tag("REQ-INGEST-042")
class DropFolderIT extends IngestTestBase {
    @Autowired
    DropFolder dropFolder;

    @Test
    void aFileIsTakenOnlyAfterItHeldStillAndEndsInProcessedWithItsReport() throws Exception {
        Path inbox = Files.createDirectories(dropFolder.inbox());
        Path mat = Files.writeString(inbox.resolve("mat.txt"), MAT_FILE);
        Files.writeString(inbox.resolve("lot.txt.part"), LOT_FILE);

        assertThat(dropFolder.poll()).as("first sight: not yet").isZero();
        Files.writeString(mat, MAT_FILE + "\n");
        Files.setLastModifiedTime(mat, FileTime.from(Instant.now().plusSeconds(1)));
        assertThat(dropFolder.poll()).as("it grew since: not yet").isZero();
        assertThat(dropFolder.poll()).as("held still").isEqualTo(1);

        Path processed = inbox.resolveSibling("processed");
        assertThat(processed.resolve("mat.txt")).exists();
        assertThat(Files.readString(processed.resolve("mat.txt.report.json"))).containsPattern("\"status\"\\s*:\\s*\"INGESTED\"")
                .containsPattern("\"channel\"\\s*:\\s*\"drop-folder\"");
        assertThat(inbox.resolve("lot.txt.part")).as("a .part file is never taken").exists();
        assertThat(head()).isEqualTo(2);
    }

    @Test
    void aRefusedFileEndsInFailedWithTheReasonAndWritesNothing() throws Exception {
        Path inbox = Files.createDirectories(dropFolder.inbox());
        Files.writeString(inbox.resolve("bad.txt"), TestLinesAdapter.MAGIC + "\nWidget|W|x\n");

        dropFolder.poll();
        dropFolder.poll();

        Path failed = inbox.resolveSibling("failed");
        assertThat(failed.resolve("bad.txt")).exists();
        assertThat(Files.readString(failed.resolve("bad.txt.report.json"))).contains("TEST-KIND").contains("line 2");
        assertThat(head()).isZero();
    }
}
