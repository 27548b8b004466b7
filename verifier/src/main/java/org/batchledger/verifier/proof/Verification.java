package org.batchledger.verifier.proof;

/** The outcome of a check: ok, or failed with a reason a person can act on. Verifiers return it, never throw. */
public record Verification(boolean ok, String reason) {
    private static final Verification OK = new Verification(true, "ok");

    public static Verification success() {
        return OK;
    }

    public static Verification failure(String reason) {
        return new Verification(false, reason);
    }
}
