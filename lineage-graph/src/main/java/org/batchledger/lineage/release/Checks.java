package org.batchledger.lineage.release;

import java.util.List;
import org.batchledger.schema.record.RecordRef;

/** Building blocks of the checks: outcomes and the QA reviewer's way of listing things in one sentence. */
final class Checks {
    /** How many problems a sentence names before it says "and N more". */
    static final int NAMED = 3;

    private Checks() {
    }

    static ReadinessCheck pass(String name, String title, String explanation, List<Evidence> evidence) {
        return new ReadinessCheck(name, title, CheckStatus.PASS, explanation, evidence);
    }

    static ReadinessCheck of(String name, String title, CheckStatus status, String explanation,
                             List<Evidence> evidence) {
        return new ReadinessCheck(name, title, status, explanation, evidence);
    }

    /** "A; b; c; and 2 more.": capitalized, ending with a full stop. */
    static String sentence(List<String> problems) {
        return capitalized(list(problems)) + ".";
    }

    /** "a; b; c; and 2 more". */
    static String list(List<String> problems) {
        String named = String.join("; ", problems.subList(0, Math.min(NAMED, problems.size())));
        return named + (problems.size() > NAMED ? "; and " + (problems.size() - NAMED) + " more" : "");
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A record named as a reviewer would: "lot LOT-1", "batch B-7". */
    static String named(RecordRef ref) {
        return switch (ref.type()) {
            case LOT -> "lot ";
            case BATCH -> "batch ";
            case STEP_RECORD -> "step record ";
            case TEST_RESULT -> "result ";
            case DEVIATION -> "deviation ";
            case EQUIPMENT -> "equipment ";
            case SIGNATURE -> "signature ";
            case CONSUMPTION -> "consumption ";
            case PRODUCTION -> "production ";
            case EQUIPMENT_USE -> "equipment use ";
            default -> ref.type().graphName() + " ";
        } + ref.key();
    }

    /** "The one test ... has" / "All 3 tests ... have": {@code verbs} is singular then plural. */
    static String every(int n, String one, String many) {
        return n == 1 ? "The one " + one : "All " + n + " " + many;
    }

    static String verb(int n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }

    /** A limit as written on a specification: 80, 0.5, never 80.0. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
