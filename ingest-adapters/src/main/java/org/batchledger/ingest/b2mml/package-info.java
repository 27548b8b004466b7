/**
 * ISA-95 B2MML V0401, V0600 and V0700 (the namespace says which): performance, schedules and material messages to
 * canonical records. Streams with StAX through {@code SafeXml} ({@link org.batchledger.ingest.b2mml.XmlCursor}),
 * reading only one record element whole at a time. The cursor, the message envelope and the value rules are public
 * because BatchML ({@code ingest.batchml}) shares B2MML's namespaces and conventions.
 */
package org.batchledger.ingest.b2mml;
