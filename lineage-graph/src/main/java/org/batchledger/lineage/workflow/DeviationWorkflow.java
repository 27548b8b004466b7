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
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.Deviation.Severity;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * The deviation workflow as versioned data ({@code deviation.json} beside this class): its transitions between
 * deviation states, who may take each, the meaning each is signed with, and what each requires. Read once at start;
 * a file naming an unknown state, role, meaning or severity is refused there, naming the JSON pointer.
 */
public final class DeviationWorkflow {
    public static final String NAME = "deviation";

    /** One transition; {@code capaRequiredFor}: severities for which it needs a CAPA reference. */
    public record Transition(String name, DeviationStatus from, DeviationStatus to, Set<String> roles,
                             SignatureMeaning meaning, boolean requiresRootCause, Set<Severity> capaRequiredFor) {
    }

    /** The workflow file is not usable: what is wrong and where (JSON pointer). */
    public static final class InvalidWorkflowException extends RuntimeException {
        InvalidWorkflowException(String source, String pointer, String problem) {
            super(source + " " + pointer + ": " + problem);
        }
    }

    private final String version;
    private final List<Transition> transitions;

    private DeviationWorkflow(String version, List<Transition> transitions) {
        this.version = version;
        this.transitions = List.copyOf(transitions);
    }

    public static DeviationWorkflow defaults() {
        try (InputStream in = DeviationWorkflow.class.getResourceAsStream("deviation.json")) {
            return read(in, "deviation.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DeviationWorkflow read(InputStream in, String source) {
        JsonObject root;
        try (var reader = Json.createReader(in)) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidWorkflowException(source, "", "not a JSON object: " + e.getMessage());
        }
        String version = string(root.get("version"), source, "/version");
        if (!NAME.equals(string(root.get("workflow"), source, "/workflow"))) {
            throw new InvalidWorkflowException(source, "/workflow", "must be '" + NAME + "'");
        }
        if (!(root.get("transitions") instanceof JsonArray list)) {
            throw new InvalidWorkflowException(source, "/transitions", "must be an array");
        }
        List<Transition> transitions = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/transitions/" + i;
            if (!(list.get(i) instanceof JsonObject o)) {
                throw new InvalidWorkflowException(source, at, "must be an object");
            }
            Transition t = transition(o, source, at);
            if (!names.add(t.name())) {
                throw new InvalidWorkflowException(source, at + "/name", "transition " + t.name() + " twice");
            }
            transitions.add(t);
        }
        return new DeviationWorkflow(version, transitions);
    }

    public String version() {
        return version;
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public Optional<Transition> transition(String name) {
        return transitions.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The transitions that start from {@code state}, by name. */
    public List<String> from(DeviationStatus state) {
        return transitions.stream().filter(t -> t.from() == state).map(Transition::name).toList();
    }

    private static Transition transition(JsonObject o, String source, String at) {
        String name = string(o.get("name"), source, at + "/name");
        DeviationStatus from = constant(DeviationStatus.class, o.get("from"), source, at + "/from");
        DeviationStatus to = constant(DeviationStatus.class, o.get("to"), source, at + "/to");
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
        boolean rootCause = o.containsKey("requiresRootCause") && o.get("requiresRootCause") == JsonValue.TRUE;
        return new Transition(name, from, to, Set.copyOf(roles), meaning, rootCause, Set.copyOf(capa));
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
