// Signature withdrawals: versioned keys like every record node, looked up by key and by ledger entry.
CREATE CONSTRAINT signature_withdrawal_key_version IF NOT EXISTS FOR (n:SignatureWithdrawal) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX signature_withdrawal_key_lookup IF NOT EXISTS FOR (n:SignatureWithdrawal) ON (n.key);
CREATE INDEX signature_withdrawal_ledger_seq IF NOT EXISTS FOR (n:SignatureWithdrawal) ON (n.ledgerSeq);
