// Exception dispositions and CAPAs (issue 11): versioned keys like every record node, looked up by key, by batch or
// exception, and by ledger entry.
CREATE CONSTRAINT exception_disposition_key_version IF NOT EXISTS FOR (n:ExceptionDisposition) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX exception_disposition_key_lookup IF NOT EXISTS FOR (n:ExceptionDisposition) ON (n.key);
CREATE INDEX exception_disposition_batch IF NOT EXISTS FOR (n:ExceptionDisposition) ON (n.batchKey);
CREATE INDEX exception_disposition_ledger_seq IF NOT EXISTS FOR (n:ExceptionDisposition) ON (n.ledgerSeq);
CREATE CONSTRAINT capa_key_version IF NOT EXISTS FOR (n:Capa) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX capa_key_lookup IF NOT EXISTS FOR (n:Capa) ON (n.key);
CREATE INDEX capa_ledger_seq IF NOT EXISTS FOR (n:Capa) ON (n.ledgerSeq);
