package org.batchledger.hub.store;

import org.batchledger.lineage.store.embedded.EmbeddedNeo4j.PortInUseException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns the store's start-up failures into the plain two-part message Spring Boot prints before exiting. */
class StartupFailureAnalyzer implements FailureAnalyzer {
    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Neo4jUnreachableException e) {
                return new FailureAnalysis(e.getMessage(),
                        "Check that Neo4j runs and answers at " + e.uri() + ", and BATCHLEDGER_NEO4J_URI, "
                                + "BATCHLEDGER_NEO4J_USERNAME and BATCHLEDGER_NEO4J_PASSWORD. Unset "
                                + "BATCHLEDGER_NEO4J_URI to use the embedded store instead.", e);
            }
            if (t instanceof PortInUseException e) {
                return new FailureAnalysis(e.getMessage(), "Free the port or choose another one.", e);
            }
        }
        return null;
    }
}
