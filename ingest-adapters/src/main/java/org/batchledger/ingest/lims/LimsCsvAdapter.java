package org.batchledger.ingest.lims;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.RecordSink;

/**
 * LIMS and instrument result tables (CSV): the default layout, or the layout a mapping file describes, or a
 * bundled mapping whose header signature the file matches. See the module README for the layout and the mapping.
 */
public final class LimsCsvAdapter implements IngestAdapter {
    static final String NAME = "lims-csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public int recognises(ContentSample sample) {
        String header = firstLine(sample.text());
        if (header.isEmpty() || header.startsWith("<") || header.startsWith("{")) {
            return 0;
        }
        if (delimiterOf(header, CsvMapping.DEFAULT_SIGNATURE) != 0) {
            return 60;
        }
        return BundledMappings.matching(header) != null ? 55 : 0;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        CsvMapping mapping = context.mapping() != null ? MappingReader.read(context.mapping()) : null;
        if (mapping == null) {
            mapping = sniffedLayout(source);
        }
        try (InputStream in = source.open()) {
            new CsvRun(mapping, context, sink, source::open).run(in);
        }
    }

    /** Without a mapping: a bundled instrument mapping the header matches, else the default layout. */
    private static CsvMapping sniffedLayout(IngestSource source) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(ContentSample.SIZE);
        }
        String header = firstLine(new ContentSample(head).text());
        CsvMapping bundled = BundledMappings.matching(header);
        if (bundled != null) {
            return bundled;
        }
        CsvMapping layout = CsvMapping.defaultLayout();
        char d = delimiterOf(header, CsvMapping.DEFAULT_SIGNATURE);
        return d == 0 || d == layout.delimiter() ? layout : new CsvMapping(layout.name(), d, false, null, null,
                layout.encoding(), false, layout.signature(), layout.units(), layout.results());
    }

    /** The delimiter (',', ';' or tab) that splits the header into cells containing every signature header, or 0. */
    static char delimiterOf(String header, List<String> signature) {
        if (signature.isEmpty()) {
            return 0;
        }
        for (char d : new char[] {',', ';', '\t'}) {
            Set<String> cells = Arrays.stream(header.split(String.valueOf(d), -1))
                    .map(c -> c.strip().replace("\"", "").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            if (signature.stream().allMatch(s -> cells.contains(s.toLowerCase(Locale.ROOT)))) {
                return d;
            }
        }
        return 0;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
