package org.batchledger.validation.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every test run found, the report files read (relative to the project root, sorted) and the infrastructure the tests
 * ran on (JDK and OS as the reports state them; empty when no report was found).
 */
public record TestResults(List<TestRun> runs, List<Path> files, Map<String, String> infrastructure) {

    public Optional<String> infrastructure(String key) {
        return Optional.ofNullable(infrastructure.get(key));
    }
}
