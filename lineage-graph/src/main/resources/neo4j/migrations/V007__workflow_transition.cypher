// Workflow transitions (issue 11): versioned keys like every record node, looked up by key and by ledger entry.
CREATE CONSTRAINT workflow_transition_key_version IF NOT EXISTS FOR (n:WorkflowTransition) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX workflow_transition_key_lookup IF NOT EXISTS FOR (n:WorkflowTransition) ON (n.key);
CREATE INDEX workflow_transition_ledger_seq IF NOT EXISTS FOR (n:WorkflowTransition) ON (n.ledgerSeq);
