package org.batchledger.schema.release;

/** A specification file that cannot be used, naming the product or the problem. */
public final class InvalidSpecificationException extends RuntimeException {
    public InvalidSpecificationException(String message) {
        super(message);
    }
}
