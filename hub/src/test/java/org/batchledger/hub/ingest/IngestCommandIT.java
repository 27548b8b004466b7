package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The CLI against a running hub: exit status per outcome, a report line per file. */
@Tag("REQ-INGEST-041")
class IngestCommandIT extends IngestTestBase {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void exitsZeroWhenEveryFileIsIngestedOrADuplicateAndOneWhenAnyIsRefused() throws Exception {
        Path mat = Files.writeString(dir.resolve("mat.txt"), MAT_FILE);
        Path bad = Files.writeString(dir.resolve("bad.txt"), TestLinesAdapter.MAGIC + "\nWidget|W|x\n");

        assertThat(run(mat.toString(), mat.toString())).isEqualTo(IngestCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2).last().asString()
                .contains("\"duplicate\":true");
        assertThat(run(bad.toString())).isEqualTo(IngestCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.txt: refused (HTTP 422)");
    }

    @Test
    void exitsThreeWhenTheTokenIsRefusedAndTwoOnAUsageError() throws Exception {
        Path mat = Files.writeString(dir.resolve("mat.txt"), MAT_FILE);

        assertThat(IngestCommand.run(new String[] {mat.toString(), "--hub", "http://127.0.0.1:" + port, "--token",
                TOKENS.forUser("op", "operator")}, ps(out), ps(err))).isEqualTo(IngestCommand.UNREACHABLE);
        assertThat(IngestCommand.run(new String[] {mat.toString()}, ps(out), ps(err))).isEqualTo(IngestCommand.USAGE);
        assertThat(IngestCommand.run(new String[] {"no-such-file", "--hub", "http://x", "--token", "t"}, ps(out),
                ps(err))).isEqualTo(IngestCommand.USAGE);
        assertThat(head()).isZero();
    }

    private int run(String... files) {
        String[] args = new String[files.length + 4];
        System.arraycopy(files, 0, args, 0, files.length);
        args[files.length] = "--hub";
        args[files.length + 1] = "http://127.0.0.1:" + port;
        args[files.length + 2] = "--token";
        args[files.length + 3] = TOKENS.forUser("ingest", "adapter");
        return IngestCommand.run(args, ps(out), ps(err));
    }

    private static PrintStream ps(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
