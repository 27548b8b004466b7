package org.batchledger.schema.record;

/** A material master: raw material, excipient, API, intermediate, finished product, packaging or utility. */
public record Material(String key, String name, MaterialKind kind, String unit, Provenance provenance)
        implements LedgerRecord {
    public enum MaterialKind { RAW_MATERIAL, EXCIPIENT, API, INTERMEDIATE, FINISHED_PRODUCT, PACKAGING, UTILITY }

    @Override
    public RecordType type() {
        return RecordType.MATERIAL;
    }
}
