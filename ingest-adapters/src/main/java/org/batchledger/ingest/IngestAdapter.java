package org.batchledger.ingest;

import java.io.IOException;

/**
 * A pure parser for one family of source formats: bytes in, canonical records with locators out. No database, no
 * Spring. Implementations are listed in {@code META-INF/services} and found by {@link Adapters}.
 */
public interface IngestAdapter {

    /** The explicit name an upload may give, e.g. {@code b2mml}, {@code lims-csv}; stable, lower case. */
    String name();

    /**
     * How sure this adapter is that it can read the content: 0 = not this format, higher wins. Decided on the
     * content (root element and namespace, CSV header, JSON members, Tika's detected type), never the file name.
     */
    int recognises(ContentSample sample);

    /**
     * The media type of the format this adapter reads ({@code text/csv}, {@code application/xml}, ...): the ingested
     * file's {@code SourceFile.mediaType}, unless its parse reported the type it detected in the file itself
     * ({@link RecordSink#mediaType}, as documents do).
     */
    String mediaType();

    /**
     * Streams the source into the sink, record by record, in bounded memory. Every record's provenance carries the
     * context's source and recorded-by and a locator (line, XPath, JSON pointer) into the file. Problems that make
     * the file unusable for integrity (identity, quantities, units, times, who) throw; everything lenient goes to
     * {@link RecordSink#warning}.
     *
     * @throws InvalidSourceException with every problem found, each naming where and which rule
     */
    void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException;
}
