package org.batchledger.validation.requirements;

import java.util.List;

/** The requirements folder cannot be used; each problem names file, line and field. */
public final class RequirementsException extends RuntimeException {
    private final List<String> problems;

    public RequirementsException(List<String> problems) {
        super(problems.size() + " problem(s) in requirements/:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
