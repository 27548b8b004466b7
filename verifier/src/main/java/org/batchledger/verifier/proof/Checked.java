package org.batchledger.verifier.proof;

import java.util.Objects;

/** A value that passed its checks, or the reason it did not. Parsers of hostile text return it instead of throwing. */
public record Checked<T>(T value, String reason) {
    public static <T> Checked<T> ok(T value) {
        return new Checked<>(Objects.requireNonNull(value), "ok");
    }

    public static <T> Checked<T> failed(String reason) {
        return new Checked<>(null, reason);
    }

    public boolean ok() {
        return value != null;
    }

    /** The same failure for another type of value. */
    public <U> Checked<U> failure() {
        return failed(reason);
    }
}
