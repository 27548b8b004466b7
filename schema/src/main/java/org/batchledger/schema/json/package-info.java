/**
 * Canonical JSON of records: one Jakarta JSON Binding instance, RFC 8785 canonicalization for hashing, and the
 * flat property map a record is stored as.
 */
package org.batchledger.schema.json;
