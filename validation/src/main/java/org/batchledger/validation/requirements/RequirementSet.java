package org.batchledger.validation.requirements;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every requirement (sorted by ID), the clause matrix, and the files they were read from (sorted, relative). */
public record RequirementSet(List<Requirement> requirements, List<Clause> clauses, List<Path> files) {

    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId().get(id));
    }

    public Map<String, Requirement> byId() {
        return requirements.stream().collect(Collectors.toMap(Requirement::id, Function.identity()));
    }
}
