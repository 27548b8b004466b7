/**
 * A deterministic synthetic oral-solid-dose (tablet) plant: the demo data set, the fixture of genealogy tests and
 * the benchmark graph.
 *
 * <p>{@link org.batchledger.synthplant.SyntheticPlant} turns {@code (seed, PlantSize)} into a stream of
 * canonical records, generated lazily order by order so that a plant of millions of records is never held in
 * memory. The stream is topologically ordered: every record comes after the records it references, so any split
 * into chunks can be written chunk by chunk, each in one transaction.
 *
 * <p>Shape of one production order (eight stage batches):
 * <pre>
 *  raw lots ─► DSP ─┬─ granulation kit ─┬─► GRN#1 ─ granules ─┐
 *                   │                   └─► GRN#2 ─ granules ─┼─► BLD ─ blend ─┬─► CMP#1 ─ cores ─┐
 *                   └─ lubricant kit ─────────────────────────┘                └─► CMP#2 ─ cores ─┼─► COT ─► PKG ─► finished lot
 *  purified water (supernode) ─► GRN#1, GRN#2, COT       film-coating, packaging component lots ─┘
 * </pre>
 * The kit and the blend are each split over two batches whose outputs meet again one stage later: two
 * reconverging diamonds per order. Purified water and microcrystalline cellulose lots are long-lived supernodes.
 *
 * <p>Sizes (seed 42): DEMO 384 batches → 3,241 nodes, 4,871 relationships; LARGE 340,000 batches → 2.75 M nodes,
 * 4.24 M relationships (about 8.1 nodes and 12.5 relationships per batch, see {@link
 * org.batchledger.synthplant.PlantSize}). Relationships count the edge records plus one per drawn reference
 * ({@link org.batchledger.synthplant.PlantStats}). To print the stats of any plant:
 * <pre>
 * mvn -q -pl synthplant -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp synthplant/target/classes:$(cat synthplant/target/classpath.txt) \
 *      org.batchledger.synthplant.SyntheticPlant 42 LARGE
 * </pre>
 *
 * <p>Release: the newest orders (ten in DEMO, over both lines; fewer in smaller plants) end with their packaging
 * batch awaiting disposition, each designed for one release verdict with one reason — ready, blocked (OOS, open
 * deviation, quarantined lot upstream, equipment out of calibration or past its clean hold, missing reviewer or
 * audit-trail review) or incomplete (pending test); older orders are dispositioned. {@link
 * org.batchledger.synthplant.SyntheticPlant#releaseSpread()} lists them, {@link
 * org.batchledger.synthplant.SyntheticPlant#specifications()} gives the product specifications the checks need.
 *
 * <p>Quality workflows: {@link org.batchledger.synthplant.QualityWorkflows} gives the plant's deviations, change
 * controls, cleanings and calibrations as first recorded and the workflow steps (who, which transition, why) that
 * bring them to the plant's states, for a hub that takes them through its signed workflows (the demo loader).
 *
 * <p>No wall clock and no unseeded randomness: times start at {@link org.batchledger.synthplant.PlantClock}'s
 * fixed epoch and every choice comes from one {@link java.util.Random} seeded with the plant's seed, whose algorithm
 * the JDK specifies, so a seed means the same plant on every JDK.
 */
package org.batchledger.synthplant;
