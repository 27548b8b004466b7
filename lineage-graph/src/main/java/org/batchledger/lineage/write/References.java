package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The fields by which one record points at another, and the graph edge each becomes. Edge types come from here,
 * never from input. A genealogy record (a relationship) names its two ends with {@code from}/{@code to}.
 * Public because verification derives the edges a record implies from the same table the writer uses.
 */
public final class References {
    /** The relationship from a newer version of a record to the version it replaces. */
    public static final String SUPERSEDES = "SUPERSEDES";
    /** The edge from a sub-lot to the lot it is part of ({@code Lot.parentLotKey}). */
    public static final String SUBLOT_OF = "SUBLOT_OF";
    private static final String FROM = "from";
    private static final String TO = "to";

    /** A reference field; a null {@code target} means the field holds {@code Label:key} text of any type. */
    record Field(String name, String edge, RecordType target) {
    }

    /** One resolved reference of one record: {@code edge} is an edge type, or {@code from}/{@code to} of a genealogy record. */
    public record Ref(String field, String edge, RecordRef target) {
        /** Whether this names an end of a genealogy relationship rather than an edge of its own. */
        public boolean isEndpoint() {
            return edge.equals(FROM) || edge.equals(TO);
        }

        public boolean isFrom() {
            return edge.equals(FROM);
        }
    }

    private static final Map<RecordType, List<Field>> FIELDS = Map.ofEntries(
            Map.entry(RecordType.LOT, List.of(new Field("materialKey", "OF", RecordType.MATERIAL),
                    new Field("parentLotKey", SUBLOT_OF, RecordType.LOT))),
            Map.entry(RecordType.BATCH, List.of(new Field("productKey", "MAKES", RecordType.MATERIAL))),
            Map.entry(RecordType.STEP_RECORD, List.of(new Field("batchKey", "IN", RecordType.BATCH))),
            Map.entry(RecordType.TEST_RESULT, List.of(new Field("subject", "ON", null))),
            Map.entry(RecordType.DEVIATION, List.of(new Field("impacts", "IMPACTS", null))),
            Map.entry(RecordType.CHANGE_CONTROL, List.of(new Field("affects", "AFFECTS", null))),
            Map.entry(RecordType.CLEANING, List.of(new Field("equipmentKey", "ON", RecordType.EQUIPMENT))),
            Map.entry(RecordType.CALIBRATION, List.of(new Field("equipmentKey", "ON", RecordType.EQUIPMENT))),
            Map.entry(RecordType.DOCUMENT, List.of(new Field("about", "ABOUT", null))),
            Map.entry(RecordType.SIGNATURE, List.of(new Field("signs", "SIGNS", null))),
            Map.entry(RecordType.SIGNATURE_WITHDRAWAL,
                    List.of(new Field("signatureKey", "WITHDRAWS", RecordType.SIGNATURE))),
            Map.entry(RecordType.WORKFLOW_TRANSITION, List.of(new Field("record", "TRANSITIONS", null))),
            Map.entry(RecordType.DISPOSITION, List.of(new Field("batchKey", "DISPOSES", RecordType.BATCH))),
            Map.entry(RecordType.EXCEPTION_DISPOSITION, List.of(new Field("batchKey", "REVIEWS", RecordType.BATCH),
                    new Field("deviationKey", "RAISED", RecordType.DEVIATION))),
            Map.entry(RecordType.CAPA, List.of(new Field("deviations", "ADDRESSES", null))),
            Map.entry(RecordType.CONSUMPTION, List.of(new Field("lotKey", "from", RecordType.LOT),
                    new Field("batchKey", "to", RecordType.BATCH))),
            Map.entry(RecordType.PRODUCTION, List.of(new Field("batchKey", "from", RecordType.BATCH),
                    new Field("lotKey", "to", RecordType.LOT))),
            Map.entry(RecordType.EQUIPMENT_USE, List.of(new Field("batchKey", "from", RecordType.BATCH),
                    new Field("equipmentKey", "to", RecordType.EQUIPMENT))));

    private References() {
    }

    /** Edges that a package does not follow as "a record about this one": structure, signatures and files. */
    private static final java.util.Set<String> NOT_ATTACHMENTS = java.util.Set.of("OF", "MAKES", "IN", SUBLOT_OF,
            "SIGNS", "WITHDRAWS", "DISPOSES", FROM, TO);

    /**
     * The edge types by which a record is about another (a test result ON a lot, a deviation IMPACTS a batch, a
     * CAPA ADDRESSES a deviation, a transition TRANSITIONS a record, a document ABOUT one, a change control AFFECTS
     * one, a cleaning ON equipment, ...): every reference edge of the table but structure (OF, MAKES, IN, SUBLOT_OF,
     * DISPOSES),
     * signatures, files and genealogy ends. An evidence package follows these, so a record type added to the table
     * flows into packages without further change.
     */
    public static java.util.SortedSet<String> attachmentEdges() {
        java.util.SortedSet<String> edges = new java.util.TreeSet<>();
        FIELDS.values().forEach(fs -> fs.forEach(f -> edges.add(f.edge())));
        edges.removeAll(NOT_ATTACHMENTS);
        edges.remove(FROM_FILE);
        return edges;
    }

    /** The edge from an ingested record to the file it came from: its provenance source {@code file:sha256:<hex>}. */
    public static final String FROM_FILE = "FROM";
    private static final String SOURCE = "source";
    private static final String FILE_SOURCE = "file:";

    /** The references of a record given as its stored properties; throws IllegalArgumentException on bad text. */
    public static List<Ref> of(RecordType type, Map<String, Object> props) {
        List<Ref> refs = new ArrayList<>();
        // an ingested record node points at its SourceFile, so the raw data behind a value is one hop away
        if (!type.isRelationship() && type != RecordType.SOURCE_FILE
                && props.get(SOURCE) instanceof String source && source.startsWith(FILE_SOURCE)) {
            refs.add(new Ref(SOURCE, FROM_FILE, new RecordRef(RecordType.SOURCE_FILE, source.substring(FILE_SOURCE.length()))));
        }
        for (Field f : FIELDS.getOrDefault(type, List.of())) {
            Object value = props.get(f.name());
            if (value instanceof List<?> list) {
                list.forEach(v -> refs.add(new Ref(f.name(), f.edge(), target(f, v))));
            } else if (value != null) {
                refs.add(new Ref(f.name(), f.edge(), target(f, value)));
            }
        }
        return refs;
    }

    private static RecordRef target(Field f, Object value) {
        String text = value.toString();
        return f.target() == null ? RecordRef.parse(text) : new RecordRef(f.target(), text);
    }

    /** The fields of a type that point at other records (a correction may not change them). */
    static java.util.Set<String> fieldNames(RecordType type) {
        // the source (provenance) is not listed: the correction rules fix provenance as such
        return FIELDS.getOrDefault(type, List.of()).stream().map(Field::name)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The edge type a reference field of a record type becomes: the allow-list for edges linked later. */
    static String edgeOf(RecordType type, String field) {
        if (SOURCE.equals(field) && !type.isRelationship()) {
            return FROM_FILE;
        }
        if (SAMPLE_ID.equals(field) && type == RecordType.TEST_RESULT) {
            return "ON";
        }
        return FIELDS.getOrDefault(type, List.of()).stream().filter(f -> f.name().equals(field)).map(Field::edge)
                .filter(e -> !e.equals(FROM) && !e.equals(TO)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.graphName() + "." + field + " is no reference field"));
    }

    static boolean isEndpoint(Ref ref) {
        return ref.isEndpoint();
    }

    /** The field of a test result that names only a sample: its candidate targets wait under this field name. */
    public static final String SAMPLE_ID = "sampleId";
    private static final String SUBJECT = "subject";
    private static final String KEY = "key";

    /**
     * The records a test result that names only a sample may be about: the Lot and the Batch whose key is the
     * sample ID in the result's own key namespace ({@code <namespace>:<sampleId>}, the namespace being the key up to
     * its first {@code :}, as the ingest adapters build keys). Empty for any other record, or a result with a subject.
     */
    public static List<Ref> sampleCandidates(RecordType type, Map<String, Object> props) {
        if (type != RecordType.TEST_RESULT || props.get(SUBJECT) != null
                || !(props.get(SAMPLE_ID) instanceof String sample) || sample.isBlank()
                || !(props.get(KEY) instanceof String key) || key.indexOf(':') <= 0) {
            return List.of();
        }
        String target = key.substring(0, key.indexOf(':') + 1) + sample.strip();
        return List.of(new Ref(SAMPLE_ID, "ON", new RecordRef(RecordType.LOT, target)),
                new Ref(SAMPLE_ID, "ON", new RecordRef(RecordType.BATCH, target)));
    }

    /**
     * The {@code ON} edge a result that names only a sample has, given which records exist: to its one recorded
     * candidate. When both the Lot and the Batch of that key are recorded the result is not linked at all (we do not
     * guess; it stays in the review queue), so a link made while only one existed is removed when the other arrives.
     * The writer and the verifier both decide by this rule alone, so the edge follows from the ledger.
     */
    public static java.util.Optional<Ref> sampleLink(RecordType type, Map<String, Object> props,
                                                     java.util.function.Predicate<RecordRef> recorded) {
        List<Ref> present = sampleCandidates(type, props).stream().filter(r -> recorded.test(r.target())).toList();
        return present.size() == 1 ? java.util.Optional.of(present.getFirst()) : java.util.Optional.empty();
    }

    /** Every edge type a reference field becomes (genealogy ends excluded). */
    public static java.util.Set<String> edgeTypes() {
        java.util.Set<String> types = new java.util.TreeSet<>();
        FIELDS.values().forEach(fields -> fields.forEach(f -> types.add(f.edge())));
        types.remove(FROM);
        types.remove(TO);
        types.add(FROM_FILE);
        return types;
    }
}
