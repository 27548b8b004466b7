package org.batchledger.lineage.ledger.audit;

import java.time.Instant;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerEntry;

/**
 * One ledger entry as an inspector reads it: who, when, what (content hash of the new version and of the one it
 * supersedes), why, and its place in the chain.
 */
public record AuditEntry(long seq, Instant at, String action, String entityType, String entityKey,
                         String contentHash, String supersedesHash, Actor actor, String reason, String commitId,
                         String prevHash, String entryHash) {

    static AuditEntry of(LedgerEntry e) {
        return new AuditEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(), e.contentHash(),
                e.supersedesHash(), new Actor(e.actorSubject(), e.actorName(), e.actorRoles(), e.actorClient()),
                e.reason(), e.commitId(), e.prevHash(), e.entryHash());
    }
}
