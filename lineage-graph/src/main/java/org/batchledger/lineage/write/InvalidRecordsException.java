package org.batchledger.lineage.write;

import java.util.List;

/** A write refused as a whole; each problem names the record, the field and what is wrong. Nothing was written. */
public final class InvalidRecordsException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidRecordsException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder s = new StringBuilder(problems.size() + " invalid record(s), nothing written:");
        problems.stream().limit(20).forEach(p -> s.append("\n  ").append(p));
        if (problems.size() > 20) {
            s.append("\n  … and ").append(problems.size() - 20).append(" more");
        }
        return s.toString();
    }

    /**
     * @param record  the record, as {@code Label:key}
     * @param locator where it came from (line, XPath, JSON pointer), if known
     * @param field   the offending field
     */
    public record Problem(String record, String locator, String field, String message) {
        @Override
        public String toString() {
            return record + (locator == null ? "" : " (" + locator + ")") + " field " + field + ": " + message;
        }
    }
}
