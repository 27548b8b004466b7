package org.batchledger.ingest;

import java.util.List;

/** A file that cannot be ingested: every problem found, each with locator, field and rule. Nothing is written. */
public class InvalidSourceException extends RuntimeException {
    private final transient List<IngestFinding> problems;

    public InvalidSourceException(List<IngestFinding> problems) {
        super(problems.size() == 1 ? problems.getFirst().toString()
                : problems.size() + " problems, first: " + problems.getFirst());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid source needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidSourceException(IngestFinding problem) {
        this(List.of(problem));
    }

    public List<IngestFinding> problems() {
        return problems;
    }
}
