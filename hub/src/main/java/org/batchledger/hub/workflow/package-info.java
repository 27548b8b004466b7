/** Quality workflow mutations over lineage-graph's {@code workflow} feature: deviations and CAPAs. */
package org.batchledger.hub.workflow;
