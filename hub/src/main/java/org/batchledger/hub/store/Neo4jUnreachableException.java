package org.batchledger.hub.store;

import java.net.URI;

/** The configured Neo4j did not answer at start; the hub refuses to run without its store. */
class Neo4jUnreachableException extends RuntimeException {
    private final URI uri;

    Neo4jUnreachableException(URI uri, Throwable cause) {
        super("Neo4j at " + uri + " is unreachable: " + cause.getMessage(), cause);
        this.uri = uri;
    }

    URI uri() {
        return uri;
    }
}
