package org.batchledger.ingest.lims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;

/**
 * One read of one CSV file: header, then row by row into results. Problems are collected (up to
 * {@link #MAX_PROBLEMS}) so a person fixes a file in one round, and thrown together at the end; the pipeline
 * writes nothing of a file whose read threw.
 */
final class CsvRun {
    static final int MAX_PROBLEMS = 100;
    private final CsvMapping mapping;
    private final IngestContext context;
    private final RecordSink sink;
    private final List<IngestFinding> problems = new ArrayList<>();
    private final DuplicateKeys keys = new DuplicateKeys();

    /** Opens the file again, for a second pass that locates a bad byte. */
    interface Reopen {
        InputStream open() throws IOException;
    }

    private final Reopen reopen;

    CsvRun(CsvMapping mapping, IngestContext context, RecordSink sink, Reopen reopen) {
        this.reopen = reopen;
        this.mapping = mapping;
        this.context = context;
        this.sink = sink;
    }

    void run(InputStream raw) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(mapping.delimiter()).setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(reader(raw)).setFormat(format).get()) {
            Iterator<CSVRecord> rows = parser.iterator();
            long end = 0;
            CsvRow.Layout layout = null;
            while (problems.size() < MAX_PROBLEMS && next(rows, parser, end)) {
                CSVRecord record = rows.next();
                int line = (int) Math.min(Integer.MAX_VALUE, end + 1);
                end = parser.getCurrentLineNumber();
                if (layout == null) {
                    layout = CsvRow.Layout.resolve(mapping, record, problems);
                    if (!problems.isEmpty()) {
                        break;
                    }
                } else {
                    new CsvRow(layout, mapping, context, record, line, keys, problems).emit(sink);
                }
            }
            if (layout == null && problems.isEmpty()) {
                problems.add(new IngestFinding("line 1", null, "CSV-EMPTY", "the file has no header row"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
    }

    /** hasNext() reads the next record: the library's I/O and quoting failures surface here. */
    private boolean next(Iterator<CSVRecord> rows, CSVParser parser, long end) {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException e) {
            problems.add(readProblem(e.getCause(), end + 1));
            return false;
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(new IngestFinding("line " + (end + 1), null, "CSV-SYNTAX", "not readable as CSV: "
                    + e.getMessage()));
            return false;
        }
    }

    private IngestFinding readProblem(IOException cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return new IngestFinding("line " + badLine(line), null, "CSV-ENCODING", "bytes that are not "
                    + mapping.encoding().name() + " (the file must be " + mapping.encoding().name()
                    + ", or the mapping must name its encoding)");
        }
        String m = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (m.contains("EOF reached before encapsulated token finished")) {
            return new IngestFinding("line " + line, null, "CSV-QUOTE",
                    "a quoted field opened here is never closed (unterminated quote)");
        }
        if (m.contains("encapsulated token")) {
            return new IngestFinding("line " + line, null, "CSV-QUOTE",
                    "text after a closing quote before the next delimiter: " + m);
        }
        return new IngestFinding("line " + line, null, "CSV-SYNTAX", "not readable as CSV: " + m);
    }

    private long badLine(long fallback) {
        try (InputStream in = reopen.open()) {
            long line = EncodingScan.firstBadLine(in, mapping.encoding());
            return line > 0 ? line : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }

    /** A strict decoder (REPORT, never replace) behind a skipped UTF-8 byte-order mark. */
    private BufferedReader reader(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] bom = in.readNBytes(3);
        boolean isBom = bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF;
        if (!isBom) {
            in.unread(bom);
        }
        return new BufferedReader(new InputStreamReader(in, mapping.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }
}
