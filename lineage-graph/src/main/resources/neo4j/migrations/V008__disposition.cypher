// Dispositions (issue 11): versioned keys like every record node, looked up by key, by batch and by ledger entry.
CREATE CONSTRAINT disposition_key_version IF NOT EXISTS FOR (n:Disposition) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX disposition_key_lookup IF NOT EXISTS FOR (n:Disposition) ON (n.key);
CREATE INDEX disposition_batch IF NOT EXISTS FOR (n:Disposition) ON (n.batchKey);
CREATE INDEX disposition_ledger_seq IF NOT EXISTS FOR (n:Disposition) ON (n.ledgerSeq);
