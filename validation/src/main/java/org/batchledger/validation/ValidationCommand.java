package org.batchledger.validation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.validation.impact.ChangeImpact;
import org.batchledger.validation.requirements.RequirementsException;
import org.batchledger.validation.report.ReportModel;
import org.batchledger.validation.report.ValidationReport;
import org.batchledger.validation.results.ResultsException;

/**
 * {@code report [--root DIR] [--out DIR] [--gate enforce|report]} and {@code change-impact [--root DIR] A B} (two git
 * refs, or two built hub jars when both end in {@code .jar}).
 * Exit status: 0 ok, 1 the gate failed, 2 bad usage or unreadable input. Under Maven (exec:java, property
 * {@code validation.noExit}) a non-zero status is thrown instead of exiting the build's JVM.
 */
public final class ValidationCommand {
    static final String USAGE = """
            usage: report        [--root DIR] [--out DIR] [--gate enforce|report]
                   change-impact [--root DIR] REF_A REF_B          (two git refs)
                   change-impact [--root DIR] A.jar B.jar          (two built hub jars)
            """;

    private ValidationCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            if (Boolean.getBoolean("validation.noExit")) {
                throw new IllegalStateException("validation failed with status " + status + " (see above)");
            }
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        try {
            Options o = Options.parse(List.of(args).subList(1, args.length));
            return switch (args[0]) {
                case "report" -> report(o, out, err);
                case "change-impact" -> changeImpact(o, out);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (RequirementsException | ResultsException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static int report(Options o, PrintStream out, PrintStream err) {
        if (!o.positional.isEmpty()) {
            throw new UsageException("report takes no argument '" + o.positional.getFirst() + "'");
        }
        Path outDir = o.out == null ? o.root.resolve("validation/target/validation-report") : o.out;
        ReportModel m = ValidationReport.generate(o.root, outDir);
        out.println("validation report: " + outDir.resolve(ValidationReport.HTML) + " and " + ValidationReport.PDF
                + " (" + m.traces().size() + " requirements, " + m.testRuns() + " test runs, commit "
                + m.environment().commit() + ", dirty " + m.environment().dirty() + ")");
        if (m.gateHolds()) {
            out.println("traceability gate holds");
            return 0;
        }
        err.println("traceability gate: " + m.findings().size() + " finding(s)");
        m.findings().forEach(f -> err.println("  " + f));
        if (o.gate.equals("report")) {
            err.println("(--gate report: not failing the build)");
            return 0;
        }
        return 1;
    }

    private static int changeImpact(Options o, PrintStream out) {
        if (o.positional.size() != 2) {
            throw new UsageException("change-impact needs two git refs (e.g. v0.1.0 HEAD) or two built hub jars");
        }
        Path a = Path.of(o.positional.get(0));
        Path b = Path.of(o.positional.get(1));
        boolean jars = a.toString().endsWith(".jar") && b.toString().endsWith(".jar");
        out.print((jars ? ChangeImpact.betweenJars(o.root, a, b)
                : ChangeImpact.between(o.root, o.positional.get(0), o.positional.get(1))).render());
        return 0;
    }

    /** Parsed options; unknown options and options without a value are usage errors, never ignored. */
    private static final class Options {
        Path root = Path.of(".");
        Path out;
        String gate = "enforce";
        final List<String> positional = new ArrayList<>();

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (!a.startsWith("--")) {
                    o.positional.add(a);
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException("option " + a + " needs a value");
                }
                String v = args.get(++i);
                switch (a) {
                    case "--root" -> o.root = Path.of(v);
                    case "--out" -> o.out = Path.of(v);
                    case "--gate" -> {
                        if (!v.equals("enforce") && !v.equals("report")) {
                            throw new UsageException("--gate is enforce or report, not '" + v + "'");
                        }
                        o.gate = v;
                    }
                    default -> throw new UsageException("unknown option " + a);
                }
            }
            o.root = o.root.toAbsolutePath().normalize();
            return o;
        }
    }

    /** A command line that cannot be run as given. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
