package org.batchledger.hub.evidence.report;

import java.util.List;

/**
 * One record of the package at the as-of checkpoint.
 *
 * @param type                      the record type (e.g. {@code Batch}, {@code QcResult})
 * @param key                       its business key
 * @param version                   its version; 1 is the original entry
 * @param ledgerSeq                 the ledger sequence number of the entry that wrote this version
 * @param contentHashHex            SHA-256 of this record version's canonical content, lower-case hex (what §11.70
 *                                  signatures sign)
 * @param fields                    the record's fields in print order
 * @param signatures                the e-signatures on any version of the record, withdrawn ones included
 * @param audit                     the audit-trail rows behind the record, oldest first
 * @param changedSinceOriginalEntry the exporter's own verdict; the report also marks a record whose version is above 1
 *                                  or whose audit rows change a field, whatever this says
 */
public record ReportRecord(String type, String key, int version, long ledgerSeq, String contentHashHex,
        List<Field> fields, List<SignatureManifestation> signatures, List<AuditRow> audit,
        boolean changedSinceOriginalEntry) {

    public ReportRecord {
        fields = Lists.copy(fields);
        signatures = Lists.copy(signatures);
        audit = Lists.copy(audit);
    }

    /** A field as printed; a null value prints as "(none)". */
    public record Field(String name, String value) {
    }

    /** Annex 11 §8.2: whether the record shows the "changed since original entry" marker. */
    public boolean showsChangeMarker() {
        return changedSinceOriginalEntry || version > 1 || audit.stream().anyMatch(AuditRow::changesAField);
    }
}
