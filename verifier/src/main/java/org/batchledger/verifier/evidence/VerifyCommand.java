package org.batchledger.verifier.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Cosignature;
import org.batchledger.verifier.proof.NoteVerifier;

/**
 * {@code verify --vkey KEY [--origin ORIGIN] [--witness KEY]... [--witnesses-required K] [--json FILE] PACKAGE.zip}:
 * one line per check ({@code PASS|FAIL|SKIP <check>: <detail>}) and a verdict; exit 0 when no check failed, 1 when
 * one did, 2 for bad usage. The origin defaults to the key's name (the hub uses its origin as key name).
 */
public final class VerifyCommand {
    static final String USAGE = "usage: java -jar batch-ledger-verifier.jar [verify] --vkey KEY [--origin ORIGIN] "
            + "[--witness KEY]... [--witnesses-required K] [--json FILE] PACKAGE.zip";

    private VerifyCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String vkey = null;
        String origin = null;
        String json = null;
        Path zip = null;
        List<Cosignature.Witness> witnesses = new ArrayList<>();
        Integer required = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--vkey" -> vkey = value(args, ++i, a);
                    case "--origin" -> origin = value(args, ++i, a);
                    case "--json" -> json = value(args, ++i, a);
                    case "--witness" -> {
                        Checked<Cosignature.Witness> w = Cosignature.Witness.parse(value(args, ++i, a));
                        if (!w.ok()) {
                            throw new IllegalArgumentException("--witness: " + w.reason());
                        }
                        witnesses.add(w.value());
                    }
                    case "--witnesses-required" -> required = Integer.parseInt(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--") || zip != null) {
                            throw new IllegalArgumentException("unexpected argument " + a);
                        }
                        zip = Path.of(a);
                    }
                }
            }
            if (vkey == null || zip == null) {
                throw new IllegalArgumentException("--vkey and a package are required");
            }
            if (required != null && (required < 0 || required > witnesses.size())) {
                throw new IllegalArgumentException("--witnesses-required must be between 0 and the number of "
                        + "--witness keys (" + witnesses.size() + ")");
            }
            if (!Files.isRegularFile(zip)) {
                throw new IllegalArgumentException("no such file: " + zip);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Checked<NoteVerifier> key = NoteVerifier.parse(vkey);
        if (!key.ok()) {
            err.println("--vkey: " + key.reason());
            return 2;
        }
        String pinned = origin == null ? key.value().keyName() : origin;
        Cosignatures cosignatures = new Cosignatures(witnesses, required == null ? witnesses.size() : required);
        List<Check> checks = new EvidenceVerifier(key.value(), pinned, cosignatures).verify(zip);
        boolean failed = checks.stream().anyMatch(c -> c.status() == Check.Status.FAIL);
        checks.forEach(c -> out.println(c.status() + " " + c.name() + ": " + c.detail()));
        out.println(failed ? "FAIL: the package does not verify" : "PASS: every check of the package holds");
        if (json != null) {
            try {
                Files.writeString(Path.of(json), Report.json(zip, pinned, checks, failed), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot write the JSON report to " + json + ": " + e.getMessage());
                return 2;
            }
        }
        return failed ? 1 : 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
