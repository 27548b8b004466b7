package org.batchledger.verifier.proof;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Strict parsing of a {@code tlog-checkpoint} note text. */
final class CheckpointText {
    private static final Pattern TREE_SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    private CheckpointText() {
    }

    static Checked<Checkpoint> parse(String body) {
        if (body == null || !body.endsWith("\n")) {
            return Checked.failed("a checkpoint must end with a newline");
        }
        List<String> lines = Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            return Checked.failed("a checkpoint needs origin, tree size and root hash lines");
        }
        if (lines.stream().anyMatch(String::isEmpty)) {
            return Checked.failed("a checkpoint must not contain empty lines");
        }
        if (!TREE_SIZE.matcher(lines.get(1)).matches()) {
            return Checked.failed("the tree size line is not a decimal number without leading zeros");
        }
        long treeSize;
        try {
            treeSize = Long.parseLong(lines.get(1));
        } catch (NumberFormatException e) {
            return Checked.failed("the tree size is out of range");
        }
        Checked<byte[]> root = Base64Text.decode(lines.get(2), MerkleHash.SIZE);
        if (!root.ok()) {
            return Checked.failed("the root hash line: " + root.reason());
        }
        return Checked.ok(new Checkpoint(lines.get(0), treeSize, root.value(), lines.subList(3, lines.size())));
    }
}
