package org.batchledger.hub.api;

/** The request is wrong in a way the caller can fix; the message says what and where. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
