package org.batchledger.ingest.batchml;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.batchledger.ingest.b2mml.Ids;
import org.batchledger.ingest.b2mml.StatusWords;
import org.batchledger.ingest.b2mml.XmlNode;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * A PersonnelIdentificationManifest (who, meaning, reason, time) → one {@link Signature} per name, captured in the
 * source system ({@code capturedIn} = the source file), never counted as the hub's own e-signature. It signs the
 * batch as imported (its content hash). A signature without a person, a time or a meaning we can name is refused:
 * those make it a signature (21 CFR 11.50).
 */
final class SourceSignatures {
    private static final Map<String, SignatureMeaning> MEANINGS = Map.ofEntries(
            Map.entry("done", SignatureMeaning.PERFORMED), Map.entry("doneby", SignatureMeaning.PERFORMED),
            Map.entry("executed", SignatureMeaning.PERFORMED), Map.entry("executedby", SignatureMeaning.PERFORMED),
            Map.entry("performedby", SignatureMeaning.PERFORMED), Map.entry("operator", SignatureMeaning.PERFORMED),
            Map.entry("checked", SignatureMeaning.VERIFIED), Map.entry("checkedby", SignatureMeaning.VERIFIED),
            Map.entry("verifiedby", SignatureMeaning.VERIFIED), Map.entry("witnessed", SignatureMeaning.VERIFIED),
            Map.entry("witness", SignatureMeaning.VERIFIED), Map.entry("secondpersonverification",
                    SignatureMeaning.VERIFIED),
            Map.entry("reviewedby", SignatureMeaning.REVIEWED), Map.entry("review", SignatureMeaning.REVIEWED),
            Map.entry("approvedby", SignatureMeaning.APPROVED), Map.entry("approval", SignatureMeaning.APPROVED),
            Map.entry("releasedby", SignatureMeaning.RELEASED), Map.entry("release", SignatureMeaning.RELEASED),
            Map.entry("rejectedby", SignatureMeaning.REJECTED), Map.entry("rejection", SignatureMeaning.REJECTED));

    private final Entries e;

    SourceSignatures(Entries e) {
        this.e = e;
    }

    void manifest(XmlNode p) {
        String entry = Ids.required(p, "EntryID", e.f);
        List<XmlNode> names = p.all("Name").stream().filter(n -> n.text() != null).toList();
        if (names.isEmpty()) {
            e.f.problem(p.xpath(), "Name", "BATCHML-SIGNATURE-WHO", "personnel identification names no person");
        }
        Instant at = e.time(p);
        if (at == null && p.text("TimeStamp") == null) {
            e.f.problem(p.xpath(), "TimeStamp", "BATCHML-SIGNATURE-TIME", "personnel identification states no "
                    + "TimeStamp; a signature needs its time");
        }
        SignatureMeaning meaning = meaning(p);
        String ref = p.text("RecordReference");
        if (ref != null && !ref.equals(e.recordId) && !e.batch.key().equals(e.m.key(ref))) {
            e.f.warnOnce(p.xpath(), "RecordReference", "BATCHML-SIGNATURE-ENTRY", "signatures on an entry of the "
                    + "record (here " + ref + ") are recorded against the batch: the ledger's signature has no field "
                    + "for the entry");
        }
        if (entry == null || names.isEmpty() || at == null || meaning == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            String who = names.get(i).text();
            String key = e.key("signature/" + entry + (names.size() > 1 ? "/" + (i + 1) : ""));
            e.sink.record(new Signature(key, new RecordRef(e.batch.type(), e.batch.key()), e.batchHash, who, who,
                    meaning, p.text("Reason"), at, e.m.context().sourceId(), e.m.provenance(p.xpath(), at)));
        }
    }

    /** ChangeIndication says the meaning, else the entry's Description; one we cannot name is refused. */
    private SignatureMeaning meaning(XmlNode p) {
        for (String field : new String[] {"ChangeIndication", "Description"}) {
            String word = p.text(field);
            if (word != null) {
                SignatureMeaning m = StatusWords.map(word, SignatureMeaning.class, MEANINGS, p.xpath() + "/" + field
                        + "[1]", field, e.f);
                if (m != null) {
                    return m;
                }
            }
        }
        e.f.problem(p.xpath(), "ChangeIndication", "BATCHML-SIGNATURE-MEANING", "the signature's meaning ("
                + p.text("ChangeIndication") + ") is none of performed, verified, reviewed, approved, released, rejected");
        return null;
    }
}
