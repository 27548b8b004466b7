/**
 * Batched reads below a field: the asOf a response subtree is read at ({@code AsOfContext}, checked against the
 * ledger by {@code AsOfArgument}) and the DataLoaders that fetch child lists, child pages and referenced records
 * once per request level and asOf, never once per parent.
 */
package org.batchledger.hub.api.loader;
