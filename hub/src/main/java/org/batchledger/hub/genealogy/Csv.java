package org.batchledger.hub.genealogy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines: a field with a comma, quote, CR or LF is quoted with inner quotes doubled. A field that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, CR) is prefixed with an apostrophe first — the file goes
 * to people who open it in Excel (OWASP CSV injection).
 */
final class Csv {
    private Csv() {
    }

    static String line(List<?> fields) {
        return fields.stream().map(f -> field(f == null ? "" : f.toString())).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
