package org.batchledger.validation.requirements;

import java.util.List;
import java.util.Optional;

/** One user requirement as reviewed in {@code requirements/}; {@code file} and {@code line} say where. */
public record Requirement(String id, String feature, String statement, String intendedUse, Risk risk, String riskReason,
        Assurance assurance, Optional<String> rationale, List<String> clauses, Status status, List<String> touches,
        String file, int line) {

    /** Risk in the FDA CSA sense: high process risk needs a passing automated test. */
    public enum Risk {
        HIGH("high"), NOT_HIGH("not-high");

        private final String text;

        Risk(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The assurance activity a requirement relies on. */
    public enum Assurance {
        SCRIPTED_TEST("scripted-test"), UNSCRIPTED_EXPLORATORY("unscripted-exploratory"),
        VENDOR_EVIDENCE("vendor-evidence");

        private final String text;

        Assurance(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Built, or planned by an open issue (then the gate demands no test yet). */
    public enum Status {
        IMPLEMENTED("implemented"), PLANNED("planned");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public boolean planned() {
        return status == Status.PLANNED;
    }

    public String where() {
        return file + ":" + line;
    }
}
