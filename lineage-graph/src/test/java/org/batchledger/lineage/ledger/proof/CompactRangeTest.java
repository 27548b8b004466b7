package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The mutable compact range the verifier streams leaves through gives the roots and frontiers of the tree. */
@Tag("REQ-LEDGER-002")
class CompactRangeTest {
    static final int SIZE = 300;
    final List<byte[]> entries = IntStream.range(0, SIZE).mapToObj(i -> ("entry " + i).getBytes()).toList();
    final InMemoryTree reference = InMemoryTree.ofEntries(entries);

    @Test
    void everyAppendGivesTheRootOfTheGrownTree() {
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(MerkleHash.emptyRoot());
        for (int size = 1; size <= SIZE; size++) {
            range.append(MerkleHash.leaf(entries.get(size - 1)));
            assertThat(range.size()).isEqualTo(size);
            assertThat(range.root()).as("size %d", size).isEqualTo(reference.root(size));
        }
    }

    @Test
    void itsFrontierIsTheFrontierOfTheSameAppends() {
        CompactRange range = new CompactRange();
        Frontier frontier = Frontier.empty();
        for (int size = 1; size <= SIZE; size++) {
            byte[] leaf = MerkleHash.leaf(entries.get(size - 1));
            range.append(leaf);
            frontier = frontier.append(leaf).frontier();
            assertThat(range.frontier().root()).as("size %d", size).isEqualTo(frontier.root());
            assertThat(range.frontier().size()).isEqualTo(frontier.size());
        }
    }

    @Test
    void theLeafPassedInIsCopiedSoACallerMayReuseItsBuffer() {
        CompactRange range = new CompactRange();
        byte[] buffer = MerkleHash.leaf(entries.get(0));
        range.append(buffer);
        buffer[0] ^= 1;
        range.append(MerkleHash.leaf(entries.get(1)));

        assertThat(range.root()).isEqualTo(reference.root(2));
    }
}
