package org.batchledger.schema.record;

/** A controlled document (SOP, master batch record, certificate of analysis) kept by content hash. */
public record Document(String key, String title, String documentType, String mediaType, String contentSha256,
                       RecordRef about, Provenance provenance) implements LedgerRecord {
    @Override
    public RecordType type() {
        return RecordType.DOCUMENT;
    }
}
