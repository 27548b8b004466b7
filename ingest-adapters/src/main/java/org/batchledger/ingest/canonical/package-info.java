/**
 * Canonical JSON ({@code canonical}): the hub's own record types in a small envelope, so any system can feed the
 * hub without an adapter of its own. Each record is checked member by member (JSON pointer, rule) and bound by
 * the hub's one JSON-B instance; keys get the file's namespace and provenance is set by the hub.
 */
package org.batchledger.ingest.canonical;
