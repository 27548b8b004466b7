/**
 * Master data the release feature reads that is not a ledgered record: product specifications (which tests a
 * batch of a product, or its lots, must have, and which steps its batch record must hold). A specification names
 * its version, so an evaluation can say which one it applied.
 */
package org.batchledger.schema.release;
