package org.batchledger.ingest.lims;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a mapping file (YAML, or JSON, which SnakeYAML reads as YAML) into a {@link CsvMapping}. Safe constructor
 * only (no Java types from the document) and small alias limits: a mapping is small and comes from an upload.
 */
final class MappingReader {
    private static final Set<String> KEYS = Set.of("name", "delimiter", "decimalComma", "zone", "timeFormat",
            "encoding", "strict", "signature", "units", "columns", "results");

    private MappingReader() {
    }

    static CsvMapping read(byte[] document) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1024 * 1024);
            root = new Yaml(new SafeConstructor(options)).load(new ByteArrayInputStream(document));
        } catch (YAMLException e) {
            throw invalid("/", "the mapping is not YAML or JSON: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw invalid("/", "the mapping must be an object with 'columns' or 'results'");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw invalid("/" + key, "unknown mapping key; known: " + KEYS);
            }
        }
        return build(map);
    }

    private static CsvMapping build(Map<?, ?> m) {
        // A mapping that only sets delimiter, zone, encoding … keeps the default layout's columns.
        Map<Field, Source> row = m.get("columns") == null && m.get("results") == null
                ? CsvMapping.defaultLayout().results().getFirst().fields() : fields(m.get("columns"), "/columns");
        List<CsvMapping.ResultSpec> results = new ArrayList<>();
        if (m.get("results") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                results.add(result(list.get(i), row, "/results/" + i));
            }
        } else if (m.get("results") != null) {
            throw invalid("/results", "must be a list of result entries");
        } else {
            results.add(new CsvMapping.ResultSpec(row, false));
        }
        return new CsvMapping(text(m, "name", "mapping"), delimiter(text(m, "delimiter", ",")),
                flag(m, "decimalComma"), zone(m.get("zone")), timeFormat(m.get("timeFormat")),
                encoding(text(m, "encoding", "UTF-8")), flag(m, "strict"), strings(m.get("signature")),
                units(m.get("units")), List.copyOf(results));
    }

    private static CsvMapping.ResultSpec result(Object entry, Map<Field, Source> row, String pointer) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw invalid(pointer, "a result entry must be an object of fields");
        }
        Map<?, ?> fieldsOnly = new LinkedHashMap<>(map);
        fieldsOnly.remove("numeric");
        Map<Field, Source> merged = new EnumMap<>(Field.class);
        merged.putAll(row);
        merged.putAll(fields(fieldsOnly, pointer));
        return new CsvMapping.ResultSpec(merged, Boolean.TRUE.equals(map.get("numeric")));
    }

    private static Map<Field, Source> fields(Object node, String pointer) {
        Map<Field, Source> out = new EnumMap<>(Field.class);
        if (node == null) {
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw invalid(pointer, "must map field names to a column header or {fixed: value}");
        }
        map.forEach((k, v) -> {
            Field f = Field.ofMappingName(String.valueOf(k));
            if (f == null) {
                throw invalid(pointer + "/" + k, "unknown field; known: " + List.of(Field.values()).stream()
                        .map(Field::mappingName).toList());
            }
            out.put(f, source(v, pointer + "/" + k));
        });
        return out;
    }

    private static Source source(Object v, String pointer) {
        if (v instanceof String s && !s.isBlank()) {
            return Source.Column.parse(s, false);
        }
        if (v instanceof Map<?, ?> m && m.size() == 1 && m.get("fixed") != null) {
            return new Source.Fixed(String.valueOf(m.get("fixed")));
        }
        throw invalid(pointer, "must be a column header or {fixed: value}");
    }

    private static char delimiter(String d) {
        return switch (d) {
            case "," -> ',';
            case ";" -> ';';
            case "\t", "tab" -> '\t';
            default -> throw invalid("/delimiter", "must be ',', ';' or tab, not '" + d + "'");
        };
    }

    private static ZoneId zone(Object z) {
        try {
            return z == null ? null : ZoneId.of(String.valueOf(z));
        } catch (DateTimeException e) {
            throw invalid("/zone", "not a time zone: " + z);
        }
    }

    private static DateTimeFormatter timeFormat(Object p) {
        try {
            return p == null ? null : DateTimeFormatter.ofPattern(String.valueOf(p), Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw invalid("/timeFormat", "not a date-time pattern: " + e.getMessage());
        }
    }

    private static Charset encoding(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw invalid("/encoding", "unknown encoding: " + name);
        }
    }

    private static Map<String, String> units(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        } else if (node != null) {
            throw invalid("/units", "must map a unit as written in the file to the unit to record");
        }
        return Map.copyOf(out);
    }

    private static List<String> strings(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            throw invalid("/signature", "must be a list of column headers");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static String text(Map<?, ?> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static boolean flag(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v != null && !(v instanceof Boolean)) {
            throw invalid("/" + key, "must be true or false");
        }
        return Boolean.TRUE.equals(v);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    static InvalidSourceException invalid(String pointer, String message) {
        return new InvalidSourceException(new IngestFinding("mapping " + pointer, null, "CSV-MAPPING", message));
    }
}
