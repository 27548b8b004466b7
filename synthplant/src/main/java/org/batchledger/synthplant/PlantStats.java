package org.batchledger.synthplant;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/**
 * What a generated plant contains: records per type, and the graph they make. Nodes are the node-type records;
 * relationships are the edge records (CONSUMED_IN, PRODUCED, USED) plus one per drawn reference (OF, IN, ON,
 * IMPACTS, SIGNS, AFFECTS, ABOUT). Ledger entries a store adds on top are not counted.
 */
public record PlantStats(Map<RecordType, Long> recordsByType, Map<String, Long> relationshipsByType) {

    public PlantStats {
        recordsByType = Map.copyOf(recordsByType);
        relationshipsByType = Map.copyOf(relationshipsByType);
    }

    static PlantStats of(Stream<LedgerRecord> records) {
        Map<RecordType, Long> byType = new EnumMap<>(RecordType.class);
        Map<String, Long> byRelationship = new TreeMap<>();
        records.forEach(r -> {
            byType.merge(r.type(), 1L, Long::sum);
            if (r.type().isRelationship()) {
                byRelationship.merge(r.type().graphName(), 1L, Long::sum);
            }
            for (var ref : References.of(r)) {
                if (ref.relationship() != null) {
                    byRelationship.merge(ref.relationship(), 1L, Long::sum);
                }
            }
        });
        return new PlantStats(byType, byRelationship);
    }

    public long records(RecordType type) {
        return recordsByType.getOrDefault(type, 0L);
    }

    public long records() {
        return recordsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long nodes() {
        return recordsByType.entrySet().stream().filter(e -> !e.getKey().isRelationship())
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long relationships() {
        return relationshipsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A table for humans: one line per record type and relationship type, then the totals. */
    public String report() {
        StringBuilder out = new StringBuilder();
        for (RecordType t : RecordType.values()) {
            out.append(line("%-22s %,12d%n", t.graphName(), records(t)));
        }
        new TreeMap<>(relationshipsByType).forEach((name, n) -> out.append(line("%-22s %,12d%n", "-[:" + name + "]->", n)));
        long batches = records(RecordType.BATCH);
        out.append(line("records %,d  nodes %,d  relationships %,d  batches %,d%n", records(), nodes(),
                relationships(), batches));
        if (batches > 0) {
            out.append(line("per batch: %.2f nodes, %.2f relationships%n", (double) nodes() / batches,
                    (double) relationships() / batches));
        }
        return out.toString();
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
