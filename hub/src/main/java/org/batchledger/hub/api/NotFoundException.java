package org.batchledger.hub.api;

/** No record has the requested ID. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String id) {
        super("no record with id " + id);
    }
}
