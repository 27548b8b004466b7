package org.batchledger.hub.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends files to a hub's {@code POST /api/ingest}, one after the other:
 * <pre>
 * IngestCommand FILE... --hub URL (--token TOKEN | --token-url URL --client-id ID --client-secret SECRET)
 *               [--adapter NAME] [--about Lot:ID] [--strict]
 * </pre>
 * Each file's report goes to standard output, one JSON line per file; errors to standard error. Exit status: 0 when
 * every file was ingested (or had been before: a duplicate), 1 when any was refused (422) or too large (413),
 * 2 on a usage error, 3 when the hub or the token endpoint could not be reached or refused the token (401/403).
 */
public final class IngestCommand {
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final String USAGE_TEXT = "usage: IngestCommand FILE... --hub URL (--token TOKEN | --token-url URL "
            + "--client-id ID --client-secret SECRET) [--adapter NAME] [--about Lot:ID] [--strict]";
    private static final Set<String> OPTIONS = Set.of("--hub", "--token", "--token-url", "--client-id",
            "--client-secret", "--adapter", "--about");

    private IngestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<Path> files = new ArrayList<>();
        boolean strict = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--strict")) {
                strict = true;
            } else if (OPTIONS.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (args[i].startsWith("--")) {
                err.println("unknown or incomplete option " + args[i] + "\n" + USAGE_TEXT);
                return USAGE;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        boolean credentials = options.containsKey("--token-url") && options.containsKey("--client-id")
                && options.containsKey("--client-secret");
        if (files.isEmpty() || !options.containsKey("--hub") || !(options.containsKey("--token") || credentials)) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("no such file: " + f);
                return USAGE;
            }
        }
        return send(files, options, strict, out, err);
    }

    private static int send(List<Path> files, Map<String, String> options, boolean strict, PrintStream out,
                            PrintStream err) {
        IngestClient client = new IngestClient(URI.create(options.get("--hub")));
        Map<String, String> fields = new LinkedHashMap<>();
        if (options.containsKey("--adapter")) {
            fields.put("adapter", options.get("--adapter"));
        }
        if (options.containsKey("--about")) {
            fields.put("about", options.get("--about"));
        }
        fields.put("strict", Boolean.toString(strict));
        int status = OK;
        try {
            String token = options.containsKey("--token") ? options.get("--token")
                    : client.clientCredentials(URI.create(options.get("--token-url")), options.get("--client-id"),
                    options.get("--client-secret"));
            for (Path f : files) {
                IngestClient.Answer a = client.post(f, token, fields);
                if (a.status() == 401 || a.status() == 403) {
                    err.println(f + ": the hub refused the token (HTTP " + a.status() + ")");
                    return UNREACHABLE;
                }
                out.println(a.body().replace("\n", " "));
                if (a.status() != 200) {
                    err.println(f + ": refused (HTTP " + a.status() + ")");
                    status = REFUSED;
                }
            }
        } catch (IOException e) {
            err.println("cannot reach the hub or the token endpoint: " + e.getMessage());
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
        return status;
    }
}
