// References waiting for their target (an ingested lot naming a material that arrives in a later file): looked up
// by target on every write that creates records. Ingested files link their records to their SourceFile by FROM.
CREATE INDEX pending_reference_target IF NOT EXISTS FOR (p:PendingReference) ON (p.target);
