/**
 * Quality workflows over lineage-graph's {@code workflow} feature: the mutations of deviations, CAPAs, change
 * control, cleanings and calibrations, and the read-only {@code capas} and {@code capa} queries.
 */
package org.batchledger.hub.workflow;
