package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.Base64Text;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.MerkleHash;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The standalone verifier's inputs: {@code --kebab-case value} pairs on the command line, or the same names in
 * camelCase as the members of a JSON object. Anything missing or unreadable is a {@link UsageException}.
 */
final class VerifierArguments {
    private final Map<String, String> values;

    private VerifierArguments(Map<String, String> values) {
        this.values = values;
    }

    static VerifierArguments fromOptions(List<String> args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!option.startsWith("--") || i + 1 >= args.size()) {
                throw new UsageException("expected --option value, found " + option);
            }
            values.put(camelCase(option.substring(2)), args.get(i + 1));
        }
        return new VerifierArguments(values);
    }

    /** The check named by the JSON's {@code check} member, and its arguments. */
    static Map.Entry<String, VerifierArguments> fromJson(Path file) throws UsageException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            JsonObject json = reader.readObject();
            Map<String, String> values = new HashMap<>();
            json.forEach((name, value) -> values.put(name, text(value)));
            String check = values.remove("check");
            if (check == null) {
                throw new UsageException("the JSON file has no \"check\" member");
            }
            return Map.entry(check, new VerifierArguments(values));
        } catch (IOException | JsonException | ClassCastException e) {
            throw new UsageException("cannot read the JSON file " + file + ": " + e.getMessage());
        }
    }

    String text(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("missing " + name);
        }
        return value;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    long number(String name) throws UsageException {
        try {
            return Long.parseLong(text(name));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " is not a whole number");
        }
    }

    /** A 32-byte hash written as 64 hex digits or in standard base64. */
    byte[] hash(String name) throws UsageException {
        return parseHash(name, text(name));
    }

    /** A comma-separated list of hashes; an empty text is the empty proof. */
    List<byte[]> hashes(String name) throws UsageException {
        String text = text(name);
        List<byte[]> hashes = new ArrayList<>();
        for (String hash : text.isEmpty() ? new String[0] : text.split(",", -1)) {
            hashes.add(parseHash(name, hash.strip()));
        }
        return hashes;
    }

    byte[] file(String name) throws UsageException {
        Path path = Path.of(text(name));
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UsageException("cannot read " + path);
        }
    }

    private static byte[] parseHash(String name, String text) throws UsageException {
        if (text.length() == 2 * MerkleHash.SIZE && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(text);
        }
        Checked<byte[]> decoded = Base64Text.decode(text, MerkleHash.SIZE);
        if (!decoded.ok()) {
            throw new UsageException(name + ": a hash is 64 hex digits or 44 characters of base64");
        }
        return decoded.value();
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigIntegerValueExact().toString();
            case ARRAY -> ((JsonArray) value).getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).collect(Collectors.joining(","));
            default -> throw new JsonException("unexpected " + value.getValueType());
        };
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        for (String part : kebab.split("-")) {
            camel.append(camel.isEmpty() || part.isEmpty() ? part
                    : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }

    /** Bad or missing input: the verifier prints it with the usage and exits with status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
