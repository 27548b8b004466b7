/**
 * The ingest pipeline: a file in (HTTP upload, drop folder, CLI) → SHA-256 (a file already ingested answers its
 * earlier report) → adapter by name or content → records with locators into a bounded buffer → checks → one
 * all-or-nothing ledgered write with the file's SourceFile → report. Originals are kept content-addressed in the
 * blob store; reports are kept beside it.
 */
package org.batchledger.hub.ingest;
