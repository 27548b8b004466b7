package org.batchledger.ingest.b2mml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;

/**
 * The problems and warnings of one file. Problems are collected so the report names all of them (up to a bound, so a
 * million bad rows cannot fill the heap); warnings go to the sink, and the per-file kind is said once.
 */
public final class Findings {
    static final int MAX_PROBLEMS = 100;
    private static final int MAX_ONCE_KEYS = 1_000;

    private final RecordSink sink;
    private final List<IngestFinding> problems = new ArrayList<>();
    private final Set<String> said = new HashSet<>();
    private boolean full;

    public Findings(RecordSink sink) {
        this.sink = sink;
    }

    /** A problem that makes the file unusable; the parse goes on to find the others. */
    public void problem(String locator, String field, String rule, String message) {
        problems.add(new IngestFinding(locator, field, rule, message));
        if (problems.size() >= MAX_PROBLEMS) {
            full = true;
            throw new InvalidSourceException(problems);
        }
    }

    public void warn(String locator, String field, String rule, String message) {
        sink.warning(new IngestFinding(locator, field, rule, message));
    }

    /** A warning said once per file for its rule and field (the first place it occurs is named). */
    public void warnOnce(String locator, String field, String rule, String message) {
        warnOnce(rule + "|" + field, locator, field, rule, message);
    }

    /** A warning said once per file for the given key, e.g. once per vendor word. */
    public void warnOnce(String key, String locator, String field, String rule, String message) {
        if (said.size() < MAX_ONCE_KEYS && said.add(key)) {
            warn(locator, field, rule, message + " (said once per file)");
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** A fatal problem (the walk cannot go on) together with the problems found before it. */
    public InvalidSourceException with(InvalidSourceException fatal) {
        if (problems.isEmpty() || full) {
            return fatal;
        }
        List<IngestFinding> all = new ArrayList<>(problems);
        all.addAll(fatal.problems());
        return new InvalidSourceException(all);
    }

    /** @throws InvalidSourceException with every problem found, if any */
    public void finish() {
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
    }
}
