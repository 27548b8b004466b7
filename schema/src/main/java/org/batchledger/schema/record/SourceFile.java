package org.batchledger.schema.record;

/** An ingested original file, kept content-addressed; its key is {@code sha256:<hex>}. */
public record SourceFile(String key, String fileName, String mediaType, long sizeBytes, String adapter,
                         Provenance provenance) implements LedgerRecord {
    @Override
    public RecordType type() {
        return RecordType.SOURCE_FILE;
    }
}
