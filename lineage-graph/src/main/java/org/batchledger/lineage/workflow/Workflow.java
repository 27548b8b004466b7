package org.batchledger.lineage.workflow;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.Deviation.Severity;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * A quality workflow as versioned data ({@code <name>.json} beside this class): its transitions between the states
 * of one record type ({@code S}), who may take each, the meaning each is signed with, and what each requires. Read
 * once at start; a file naming an unknown state, role, meaning or severity is refused there, naming the JSON pointer.
 *
 * @param <S> the record's status enum
 */
public final class Workflow<S extends Enum<S>> {
    /**
     * One transition. {@code capaRequiredFor}: severities for which it needs a CAPA reference (deviations);
     * {@code classifies}: it needs the deviation's classification and stores the impact assessment (deviations);
     * {@code notByTakerOf}: a transition whose taker may not take this one on the same record (null: none);
     * {@code notByRecorder}: not taken by whoever recorded, requested or performed the record (a second person);
     * {@code assesses}: it needs the change's impact assessment and stores it (change control).
     */
    public record Transition<S>(String name, S from, S to, Set<String> roles, SignatureMeaning meaning,
                                boolean requiresRootCause, Set<Severity> capaRequiredFor, boolean classifies,
                                String notByTakerOf, boolean notByRecorder, boolean assesses) {
    }

    /** The workflow file is not usable: what is wrong and where (JSON pointer). */
    public static final class InvalidWorkflowException extends RuntimeException {
        InvalidWorkflowException(String source, String pointer, String problem) {
            super(source + " " + pointer + ": " + problem);
        }
    }

    private final String name;
    private final String version;
    private final List<Transition<S>> transitions;

    private Workflow(String name, String version, List<Transition<S>> transitions) {
        this.name = name;
        this.version = version;
        this.transitions = List.copyOf(transitions);
    }

    /** The shipped workflow {@code <name>.json}. */
    static <S extends Enum<S>> Workflow<S> shipped(String name, Class<S> states) {
        try (InputStream in = Workflow.class.getResourceAsStream(name + ".json")) {
            return read(in, name + ".json", name, states);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <S extends Enum<S>> Workflow<S> read(InputStream in, String source, String name, Class<S> states) {
        JsonObject root;
        try (var reader = Json.createReader(in)) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidWorkflowException(source, "", "not a JSON object: " + e.getMessage());
        }
        String version = string(root.get("version"), source, "/version");
        if (!name.equals(string(root.get("workflow"), source, "/workflow"))) {
            throw new InvalidWorkflowException(source, "/workflow", "must be '" + name + "'");
        }
        if (!(root.get("transitions") instanceof JsonArray list)) {
            throw new InvalidWorkflowException(source, "/transitions", "must be an array");
        }
        List<Transition<S>> transitions = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/transitions/" + i;
            if (!(list.get(i) instanceof JsonObject o)) {
                throw new InvalidWorkflowException(source, at, "must be an object");
            }
            Transition<S> t = transition(o, states, source, at);
            if (!names.add(t.name())) {
                throw new InvalidWorkflowException(source, at + "/name", "transition " + t.name() + " twice");
            }
            transitions.add(t);
        }
        for (int i = 0; i < transitions.size(); i++) {
            String other = transitions.get(i).notByTakerOf();
            if (other != null && !names.contains(other)) {
                throw new InvalidWorkflowException(source, "/transitions/" + i + "/notByTakerOf",
                        "unknown transition '" + other + "'");
            }
        }
        return new Workflow<>(name, version, transitions);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public List<Transition<S>> transitions() {
        return transitions;
    }

    public Optional<Transition<S>> transition(String name) {
        return transitions.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The transitions that start from {@code state}, by name. */
    public List<String> from(S state) {
        return transitions.stream().filter(t -> t.from() == state).map(Transition::name).toList();
    }

    private static <S extends Enum<S>> Transition<S> transition(JsonObject o, Class<S> states, String source,
                                                                String at) {
        String name = string(o.get("name"), source, at + "/name");
        S from = constant(states, o.get("from"), source, at + "/from");
        S to = constant(states, o.get("to"), source, at + "/to");
        SignatureMeaning meaning = constant(SignatureMeaning.class, o.get("meaning"), source, at + "/meaning");
        Set<String> roles = new LinkedHashSet<>();
        JsonArray roleList = array(o.get("roles"), source, at + "/roles");
        for (int i = 0; i < roleList.size(); i++) {
            String role = string(roleList.get(i), source, at + "/roles/" + i);
            if (!Actor.REALM_ROLES.contains(role)) {
                throw new InvalidWorkflowException(source, at + "/roles/" + i, "unknown realm role '" + role + "'");
            }
            roles.add(role);
        }
        Set<Severity> capa = EnumSet.noneOf(Severity.class);
        if (o.containsKey("capaRequiredFor")) {
            JsonArray severities = array(o.get("capaRequiredFor"), source, at + "/capaRequiredFor");
            for (int i = 0; i < severities.size(); i++) {
                capa.add(constant(Severity.class, severities.get(i), source, at + "/capaRequiredFor/" + i));
            }
        }
        String notBy = o.containsKey("notByTakerOf") ? string(o.get("notByTakerOf"), source, at + "/notByTakerOf")
                : null;
        return new Transition<>(name, from, to, Set.copyOf(roles), meaning, flag(o, "requiresRootCause"),
                Set.copyOf(capa), flag(o, "classifies"), notBy, flag(o, "notByRecorder"), flag(o, "assesses"));
    }

    private static boolean flag(JsonObject o, String name) {
        return o.containsKey(name) && o.get(name) == JsonValue.TRUE;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonValue v, String source, String at) {
        String name = string(v, source, at);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkflowException(source, at, "unknown " + type.getSimpleName() + " '" + name + "'");
        }
    }

    private static String string(JsonValue v, String source, String at) {
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw new InvalidWorkflowException(source, at, "must be a non-blank string");
        }
        return s.getString();
    }

    private static JsonArray array(JsonValue v, String source, String at) {
        if (!(v instanceof JsonArray a)) {
            throw new InvalidWorkflowException(source, at, "must be an array");
        }
        return a;
    }
}
