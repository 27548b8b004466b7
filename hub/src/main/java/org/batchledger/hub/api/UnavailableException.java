package org.batchledger.hub.api;

/** The hub cannot serve this request now; the caller may retry later (SERVICE_UNAVAILABLE). */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String message) {
        super(message);
    }
}
