/**
 * Reads of records and their one-hop neighbours. Every list of children is fetched for many parents in one
 * {@code UNWIND} query, so an API page costs a fixed number of round trips whatever its size.
 */
package org.batchledger.lineage.record;
