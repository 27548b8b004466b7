/**
 * Quality workflows over lineage-graph's {@code workflow} feature: the mutations of deviations, CAPAs, change
 * control, cleanings and calibrations, and the read-only {@code capas}, {@code capa}, {@code changeControls} and
 * {@code changeControl} queries.
 */
package org.batchledger.hub.workflow;
