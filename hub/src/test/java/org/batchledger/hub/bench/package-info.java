/**
 * The trace benchmark (JUnit, tag {@code benchmark}, not part of {@code mvn verify}): a generated plant of over
 * 1 M nodes / 4 M relationships loaded once through the real write path into a reusable data directory, and the
 * same traces timed three ways — in-memory BFS over CSR arrays, the hub's Cypher via the driver, and GraphQL over
 * HTTP.
 */
package org.batchledger.hub.bench;
