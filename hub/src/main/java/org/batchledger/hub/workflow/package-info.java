/** Quality workflow mutations over lineage-graph's {@code workflow} feature: the deviation workflow this round. */
package org.batchledger.hub.workflow;
