/**
 * The Spring Boot application: GraphQL controllers, Keycloak security, embedded defaults. Domain rules live in
 * lineage-graph; this module wires and exposes them.
 */
package org.batchledger.hub;
