package org.batchledger.validation.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The few read-only git commands change impact needs, run in the project root. */
final class Git {
    private final Path root;

    Git(Path root) {
        this.root = root;
    }

    /** The full commit a ref names; an unknown ref is an {@link IllegalArgumentException} naming it. */
    String commit(String ref) {
        return run("rev-parse", "--verify", "--quiet", ref + "^{commit}").map(String::strip)
                .orElseThrow(() -> new IllegalArgumentException("unknown git ref '" + ref + "' in " + root));
    }

    List<String> changedFiles(String a, String b) {
        return lines(run("diff", "--name-only", "--no-renames", a, b, "--").orElseThrow(
                () -> new IllegalArgumentException("git diff " + a + " " + b + " failed in " + root)));
    }

    List<String> files(String ref, String under) {
        return lines(run("ls-tree", "-r", "--name-only", ref, "--", under).orElse(""));
    }

    Optional<String> show(String ref, String path) {
        return run("show", ref + ":" + path);
    }

    private static List<String> lines(String s) {
        return s.isBlank() ? List.of() : s.lines().sorted().toList();
    }

    private Optional<String> run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish");
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("git is needed for change impact and could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }
}
