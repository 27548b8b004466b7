package org.batchledger.validation.results;

import java.util.List;

/**
 * One executed (or skipped) test: the module and plugin whose report holds it, its class, its display name, its
 * tags (JUnit includes the tags of the enclosing class), and its outcome.
 */
public record TestRun(String module, String plugin, String className, String name, String uniqueId, List<String> tags,
        Outcome outcome, String reason) {

    /** The result statuses of the Open Test Reporting core schema. */
    public enum Outcome {
        SUCCESSFUL, SKIPPED, ABORTED, FAILED, ERRORED;

        public boolean passed() {
            return this == SUCCESSFUL;
        }

        public boolean failed() {
            return this == FAILED || this == ERRORED;
        }
    }

    public String label() {
        return simpleClassName() + " " + name;
    }

    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
