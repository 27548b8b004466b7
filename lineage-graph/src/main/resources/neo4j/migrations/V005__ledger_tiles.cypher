// The ledger in the C2SP tlog-tiles layout: one hash tile per (level, index), one entry bundle per index.
// Right-edge tiles are rewritten in place (MERGE on these keys) as they grow.
CREATE CONSTRAINT ledger_tile_id IF NOT EXISTS FOR (t:LedgerTile) REQUIRE (t.level, t.index) IS UNIQUE;
CREATE CONSTRAINT ledger_bundle_index IF NOT EXISTS FOR (b:LedgerBundle) REQUIRE b.index IS UNIQUE;
