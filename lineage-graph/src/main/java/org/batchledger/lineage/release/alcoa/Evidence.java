package org.batchledger.lineage.release.alcoa;

import org.batchledger.schema.record.RecordRef;

/** What a finding points at: a record ({@code record}), or a file to download ({@code url}, hub-relative). */
public record Evidence(String label, RecordRef record, String url) {
    static Evidence of(String label, RecordRef record) {
        return new Evidence(label, record, null);
    }

    static Evidence file(String sha256) {
        return new Evidence("source file sha256:" + sha256, null, "/api/source-files/" + sha256);
    }
}
