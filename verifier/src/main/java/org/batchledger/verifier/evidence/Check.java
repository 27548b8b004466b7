package org.batchledger.verifier.evidence;

/**
 * The outcome of one named check of a package. SKIP means there was nothing to check (no witness asked for, no
 * release disposition in the package) and says why; it does not fail the package.
 */
record Check(String name, Status status, String detail) {
    enum Status { PASS, FAIL, SKIP }

    static Check pass(String name, String detail) {
        return new Check(name, Status.PASS, detail);
    }

    static Check fail(String name, String detail) {
        return new Check(name, Status.FAIL, detail);
    }

    static Check skip(String name, String detail) {
        return new Check(name, Status.SKIP, detail);
    }
}
