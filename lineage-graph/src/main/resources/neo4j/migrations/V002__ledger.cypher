// The ledger: one linear chain. Sequence numbers are unique, so two appenders can never fork it.
CREATE CONSTRAINT ledger_entry_seq IF NOT EXISTS FOR (e:LedgerEntry) REQUIRE e.seq IS UNIQUE;
// A commit's idempotency key: the driver may retry a transaction whose commit outcome it did not see.
CREATE CONSTRAINT ledger_commit_idempotency IF NOT EXISTS FOR (c:LedgerCommit) REQUIRE c.idempotencyKey IS UNIQUE;
CREATE CONSTRAINT ledger_head_id IF NOT EXISTS FOR (h:LedgerHead) REQUIRE h.id IS UNIQUE;
CREATE INDEX ledger_entry_entity IF NOT EXISTS FOR (e:LedgerEntry) ON (e.entityType, e.entityKey);
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
