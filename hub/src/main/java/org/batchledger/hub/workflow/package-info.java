/**
 * Quality workflows over lineage-graph's {@code workflow} feature: the deviation and CAPA mutations, and the read-only
 * {@code capas} and {@code capa} queries.
 */
package org.batchledger.hub.workflow;
