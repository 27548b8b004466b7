package org.batchledger.verifier.evidence;

import java.nio.file.Path;
import java.util.List;

/** The JSON report: {@code {"package", "origin", "verdict": "PASS"|"FAIL", "checks": [{name, status, detail}]}}. */
final class Report {
    private Report() {
    }

    static String json(Path zip, String origin, List<Check> checks, boolean failed) {
        StringBuilder out = new StringBuilder("{\"package\":").append(quote(zip.getFileName().toString()))
                .append(",\"origin\":").append(quote(origin))
                .append(",\"verdict\":\"").append(failed ? "FAIL" : "PASS").append("\",\"checks\":[");
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            out.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(c.name())).append(",\"status\":\"")
                    .append(c.status()).append("\",\"detail\":").append(quote(c.detail())).append('}');
        }
        return out.append("]}\n").toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
