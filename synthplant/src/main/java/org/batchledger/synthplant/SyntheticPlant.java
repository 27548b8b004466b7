package org.batchledger.synthplant;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.release.Specifications;

/**
 * A deterministic synthetic tablet plant: the same {@code (seed, size)} always gives the same records.
 *
 * <p>Records stream in topological order — every record after each record it references — so a writer can take
 * {@link #chunks(int)} and commit chunk by chunk. Each call starts a fresh, lazy generation; memory stays bounded
 * by one chunk plus a small per-line and per-material state, whatever the plant size.
 *
 * <pre>{@code
 * SyntheticPlant.of(42, PlantSize.DEMO).chunks(5_000).forEach(writer::writeInOneTransaction);
 * }</pre>
 */
public final class SyntheticPlant {
    private final long seed;
    private final PlantSize size;
    private final boolean injectCycle;

    private SyntheticPlant(long seed, PlantSize size, boolean injectCycle) {
        this.seed = seed;
        this.size = size;
        this.injectCycle = injectCycle;
    }

    public static SyntheticPlant of(long seed, PlantSize size) {
        return new SyntheticPlant(seed, size, false);
    }

    /**
     * The same plant plus one genealogy cycle, as an erring import would make: the first finished lot consumed by
     * its own dispensing batch. The cycle record comes last. For tests of cycle-safe traversal only.
     */
    public SyntheticPlant withInjectedCycle() {
        return new SyntheticPlant(seed, size, true);
    }

    public long seed() {
        return seed;
    }

    public PlantSize size() {
        return size;
    }

    /** All records, lazily, in reference order. */
    public Stream<LedgerRecord> records() {
        Iterator<LedgerRecord> it = new PlantGenerator(seed, size, injectCycle);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /**
     * The records in consecutive chunks of at most {@code maxRecordsPerChunk}; every reference resolves to a record
     * in the same chunk (earlier in it) or an earlier chunk.
     */
    public Stream<List<LedgerRecord>> chunks(int maxRecordsPerChunk) {
        var chunks = new Chunker(new PlantGenerator(seed, size, injectCycle), maxRecordsPerChunk);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED), false);
    }

    /** Genealogy edges only, downstream: lot → consuming batch, batch → produced lot. */
    public Stream<GenealogyEdge> genealogyEdges() {
        return records().mapMulti((record, out) -> {
            switch (record) {
                case Consumption c -> out.accept(new GenealogyEdge(c.lotKey(), c.batchKey()));
                case Production p -> out.accept(new GenealogyEdge(p.batchKey(), p.lotKey()));
                default -> {
                }
            }
        });
    }

    /**
     * The packaging batches this plant leaves awaiting disposition on purpose, oldest first, each with its designed
     * verdict and the one reason for it (see {@link ReleaseCase}). Generates the whole plant once (streaming); the
     * newest orders are designed, up to ten of them (DEMO: ten, over both lines; TINY: an OOS and an open deviation).
     */
    public List<DesignedBatch> releaseSpread() {
        PlantGenerator generator = new PlantGenerator(seed, size, injectCycle);
        while (generator.hasNext()) {
            generator.next();
        }
        return generator.designed();
    }

    /**
     * The product specifications of every plant (they depend on neither seed nor size): for each finished product
     * and each intermediate material, the tests its lots or batches get and the step names its batch records hold.
     */
    public static Specifications specifications() {
        return PlantSpecifications.all();
    }

    /** Counts by generating the whole plant once (streaming; nothing kept). */
    public PlantStats stats() {
        return PlantStats.of(records());
    }

    /** Prints the stats of a plant: {@code SyntheticPlant <seed> <TINY|DEMO|LARGE|batches>}. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        PlantSize size = args.length > 1 ? PlantSize.parse(args[1]) : PlantSize.DEMO;
        System.out.printf("synthplant seed %d, size %s (%d orders on %d lines, %d batches)%n", seed, size.name(),
                size.orders(), size.lines(), size.batches());
        System.out.print(of(seed, size).stats().report());
    }
}
