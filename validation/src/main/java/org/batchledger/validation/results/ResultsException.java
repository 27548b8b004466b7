package org.batchledger.validation.results;

/** A test report that cannot be read, naming the file and, where known, the line. */
public final class ResultsException extends RuntimeException {
    public ResultsException(String message) {
        super(message);
    }

    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
