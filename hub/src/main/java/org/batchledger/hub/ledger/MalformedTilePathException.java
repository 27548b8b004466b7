package org.batchledger.hub.ledger;

/** A request under {@code /ledger/tile/} whose path is not a tlog-tiles tile or bundle path. */
final class MalformedTilePathException extends RuntimeException {
    MalformedTilePathException(String path, String problem) {
        super("'" + path + "': " + problem);
    }
}
