/** Test results, deviations and signatures over GraphQL, with the records they concern. */
package org.batchledger.hub.quality;
