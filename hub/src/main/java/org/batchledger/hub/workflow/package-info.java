/**
 * Quality workflow mutations over lineage-graph's {@code workflow} feature: deviations, CAPAs, change control,
 * cleanings and calibrations.
 */
package org.batchledger.hub.workflow;
