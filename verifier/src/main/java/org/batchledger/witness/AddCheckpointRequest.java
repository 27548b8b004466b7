package org.batchledger.witness;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchledger.verifier.proof.Base64Text;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.MerkleHash;

/**
 * The body of a {@code tlog-witness} {@code add-checkpoint} request: the line {@code old <size>}, up to 63
 * consistency proof lines (one base64 hash each), an empty line, then the signed checkpoint note.
 */
record AddCheckpointRequest(long oldSize, List<byte[]> proof, String note) {
    static final int MAX_PROOF_LINES = 63;
    private static final Pattern OLD = Pattern.compile("old (0|[1-9][0-9]{0,18})");

    static Checked<AddCheckpointRequest> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Checked.failed("the request body is not UTF-8");
        }
        int end = text.indexOf('\n');
        Matcher old = OLD.matcher(end < 0 ? text : text.substring(0, end));
        if (end < 0 || !old.matches()) {
            return Checked.failed("the first line must be old <size>, a decimal without leading zeros");
        }
        long oldSize;
        try {
            oldSize = Long.parseLong(old.group(1));
        } catch (NumberFormatException e) {
            return Checked.failed("the old size is out of range");
        }
        List<byte[]> proof = new ArrayList<>();
        int at = end + 1;
        while (true) {
            int next = text.indexOf('\n', at);
            if (next < 0) {
                return Checked.failed("no empty line after the consistency proof lines");
            }
            if (next == at) {
                return Checked.ok(new AddCheckpointRequest(oldSize, List.copyOf(proof), text.substring(next + 1)));
            }
            if (proof.size() == MAX_PROOF_LINES) {
                return Checked.failed("more than " + MAX_PROOF_LINES + " consistency proof lines");
            }
            Checked<byte[]> hash = Base64Text.decode(text.substring(at, next), MerkleHash.SIZE);
            if (!hash.ok()) {
                return Checked.failed("consistency proof line " + (proof.size() + 1) + ": " + hash.reason());
            }
            proof.add(hash.value());
            at = next + 1;
        }
    }
}
