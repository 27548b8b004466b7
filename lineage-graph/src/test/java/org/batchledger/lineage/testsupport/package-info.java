/**
 * The Neo4j server tests run against: a Testcontainers Neo4j where a Docker engine answers, embedded Neo4j
 * otherwise. Both are reached through the driver with {@code neo4j://}, so every test class runs on either.
 */
package org.batchledger.lineage.testsupport;
