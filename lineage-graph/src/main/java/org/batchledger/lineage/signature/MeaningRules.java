package org.batchledger.lineage.signature;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * Who may sign with which meaning, on which records, as versioned data ({@code meanings.json} beside this class, or
 * a site's own file): for each meaning the realm roles that may give it, the record types it applies to, and
 * whether only another command (disposition) gives it. Read once at start; a file naming an unknown role, meaning
 * or record type, or leaving a meaning out, is refused there, naming the JSON pointer.
 */
public final class MeaningRules {
    /** The realm roles (DESIGN.md, security model); a rule naming another is a typo that would lock someone out. */
    public static final Set<String> REALM_ROLES = org.batchledger.lineage.ledger.Actor.REALM_ROLES;
    private static final String DEFAULTS = "meanings.json";

    /**
     * What a signature makes its signer in a batch. Performer, reviewer and releaser of one batch are three different
     * people; a reviewer or verifier never signs a record they performed, recorded or corrected.
     */
    public enum Duty {
        PERFORMER, VERIFIER, REVIEWER, APPROVER, RELEASER;

        /** Duties that must be held by different people within one batch. */
        boolean exclusive() {
            return this == PERFORMER || this == REVIEWER || this == RELEASER;
        }

        /** Duties that check someone else's record. */
        boolean checks() {
            return this == VERIFIER || this == REVIEWER;
        }
    }

    /** One meaning's rule. {@code takenBy}: the command that alone gives it, null when {@code sign} does. */
    public record Grant(SignatureMeaning meaning, Duty duty, Set<String> roles, Set<RecordType> records,
                        String takenBy) {
    }

    /** The rules file is not usable: what is wrong, and where (JSON pointer). */
    public static final class InvalidMeaningRulesException extends RuntimeException {
        InvalidMeaningRulesException(String source, String pointer, String problem) {
            super(source + " " + pointer + ": " + problem);
        }
    }

    private final String version;
    private final Map<SignatureMeaning, Grant> grants;

    private MeaningRules(String version, Map<SignatureMeaning, Grant> grants) {
        this.version = version;
        this.grants = Map.copyOf(grants);
    }

    /** The rules shipped with the hub. */
    public static MeaningRules defaults() {
        try (InputStream in = MeaningRules.class.getResourceAsStream(DEFAULTS)) {
            return read(in, DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a rules file; {@code source} names it in errors. */
    public static MeaningRules read(InputStream in, String source) {
        JsonObject root;
        try (var reader = Json.createReader(in)) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidMeaningRulesException(source, "", "not a JSON object: " + e.getMessage());
        }
        String version = text(root, "version", source, "");
        JsonObject meanings = object(root.get("meanings"), source, "/meanings");
        Map<SignatureMeaning, Grant> grants = new EnumMap<>(SignatureMeaning.class);
        for (var e : meanings.entrySet()) {
            String at = "/meanings/" + e.getKey();
            SignatureMeaning meaning = meaning(e.getKey(), source, at);
            grants.put(meaning, grant(meaning, object(e.getValue(), source, at), source, at));
        }
        for (SignatureMeaning m : SignatureMeaning.values()) {
            if (!grants.containsKey(m)) {
                throw new InvalidMeaningRulesException(source, "/meanings", "meaning " + m + " has no rule");
            }
        }
        return new MeaningRules(version, grants);
    }

    public String version() {
        return version;
    }

    public Grant grant(SignatureMeaning meaning) {
        return grants.get(meaning);
    }

    /** Why {@code roles} may not sign a {@code type} record with {@code meaning} by {@code sign}; empty if they may. */
    Optional<RefusalRule> refusal(SignatureMeaning meaning, Set<String> roles, RecordType type) {
        Grant g = grants.get(meaning);
        if (g.takenBy() != null) {
            return Optional.of(new RefusalRule(SigningRule.MEANING_COMMAND.id(),
                    meaning + " is given only by " + g.takenBy() + ", never by sign", RefusalRule.Kind.BAD_REQUEST));
        }
        if (!g.records().contains(type)) {
            return Optional.of(new RefusalRule(SigningRule.MEANING_RECORD.id(), meaning + " applies to "
                    + g.records().stream().map(RecordType::graphName).sorted().collect(Collectors.joining(", "))
                    + ", not to " + type.graphName(), RefusalRule.Kind.BAD_REQUEST));
        }
        if (g.roles().stream().noneMatch(roles::contains)) {
            return Optional.of(new RefusalRule(SigningRule.MEANING_ROLE.id(), meaning + " may be signed only by "
                    + String.join(", ", g.roles().stream().sorted().toList()), RefusalRule.Kind.FORBIDDEN));
        }
        return Optional.empty();
    }

    private static Grant grant(SignatureMeaning meaning, JsonObject o, String source, String at) {
        Set<String> roles = new LinkedHashSet<>();
        JsonArray roleList = array(o.get("roles"), source, at + "/roles");
        for (int i = 0; i < roleList.size(); i++) {
            String role = string(roleList.get(i), source, at + "/roles/" + i);
            if (!REALM_ROLES.contains(role)) {
                throw new InvalidMeaningRulesException(source, at + "/roles/" + i, "unknown realm role '" + role
                        + "' (known: " + REALM_ROLES.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            roles.add(role);
        }
        Set<RecordType> records = new LinkedHashSet<>();
        JsonArray recordList = array(o.get("records"), source, at + "/records");
        for (int i = 0; i < recordList.size(); i++) {
            String name = string(recordList.get(i), source, at + "/records/" + i);
            try {
                records.add(RecordType.ofGraphName(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidMeaningRulesException(source, at + "/records/" + i, "unknown record type '" + name + "'");
            }
        }
        String takenBy = o.containsKey("takenBy") ? text(o, "takenBy", source, at) : null;
        String dutyName = text(o, "duty", source, at);
        Duty duty;
        try {
            duty = Duty.valueOf(dutyName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidMeaningRulesException(source, at + "/duty", "unknown duty '" + dutyName + "'");
        }
        return new Grant(meaning, duty, Set.copyOf(roles), Set.copyOf(records), takenBy);
    }

    private static SignatureMeaning meaning(String name, String source, String at) {
        try {
            return SignatureMeaning.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidMeaningRulesException(source, at, "unknown signature meaning '" + name + "'");
        }
    }

    private static String text(JsonObject o, String name, String source, String at) {
        return string(o.get(name), source, at + "/" + name);
    }

    private static String string(JsonValue v, String source, String at) {
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw new InvalidMeaningRulesException(source, at, "must be a non-blank string");
        }
        return s.getString();
    }

    private static JsonObject object(JsonValue v, String source, String at) {
        if (!(v instanceof JsonObject o)) {
            throw new InvalidMeaningRulesException(source, at, "must be an object");
        }
        return o;
    }

    private static JsonArray array(JsonValue v, String source, String at) {
        if (!(v instanceof JsonArray a)) {
            throw new InvalidMeaningRulesException(source, at, "must be an array");
        }
        return a;
    }
}
