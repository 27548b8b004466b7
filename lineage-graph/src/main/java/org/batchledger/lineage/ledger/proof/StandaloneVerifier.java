package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.verifier.proof.Verification;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.proof.VerifierArguments.UsageException;
import org.batchledger.schema.json.CanonicalJson;

/**
 * Checks ledger proofs and checkpoints without the hub or its database: what an inspector runs on exported data.
 *
 * <pre>
 * inclusion   --index N --size N --root HASH --proof HASH,HASH,...
 *             (--leaf-hash HASH | --entry FILE | --entry-json FILE)
 * consistency --old-size N --new-size N --old-root HASH --new-root HASH --proof HASH,HASH,...
 * checkpoint  --note FILE --vkey NAME+KEYID+KEY
 * json FILE
 * </pre>
 * A HASH is 64 hex digits or standard base64; {@code --proof ""} is the empty proof. {@code --entry} is the
 * entry's canonical bytes as exported; {@code --entry-json} is its JSON, canonicalized here per RFC 8785. The JSON
 * form is one object with {@code "check"} ({@code inclusion}, {@code consistency} or {@code checkpoint}) and the
 * options in camelCase, the proof as an array, for example
 * {@code {"check": "consistency", "oldSize": 6, "newSize": 8, "oldRoot": "…", "newRoot": "…", "proof": ["…"]}}.
 *
 * <p>Exit status: 0 when the check passes, 1 when it fails (the reason on standard error), 2 on a usage error.
 */
public final class StandaloneVerifier {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String USAGE_TEXT = """
            usage: StandaloneVerifier inclusion --index N --size N --root HASH --proof HASH,...
                                          (--leaf-hash HASH | --entry FILE | --entry-json FILE)
                   StandaloneVerifier consistency --old-size N --new-size N --old-root HASH --new-root HASH \
            --proof HASH,...
                   StandaloneVerifier checkpoint --note FILE --vkey NAME+KEYID+KEY
                   StandaloneVerifier json FILE
            HASH: 64 hex digits or base64""";

    private StandaloneVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The verifier's exit status for {@code args}; reports go to {@code out} and {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Verification result = check(List.of(args));
            if (result.ok()) {
                out.println(result.reason());
                return OK;
            }
            err.println("verification failed: " + result.reason());
            return FAILED;
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }

    private static Verification check(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no check given");
        }
        if (args.getFirst().equals("json") && args.size() == 2) {
            Map.Entry<String, VerifierArguments> json = VerifierArguments.fromJson(Path.of(args.get(1)));
            return check(json.getKey(), json.getValue());
        }
        return check(args.getFirst(), VerifierArguments.fromOptions(args.subList(1, args.size())));
    }

    private static Verification check(String name, VerifierArguments arguments) throws UsageException {
        return switch (name) {
            case "inclusion" -> ProofVerifier.verifyInclusion(arguments.number("index"), arguments.number("size"),
                    leafHash(arguments), arguments.hashes("proof"), arguments.hash("root"));
            case "consistency" -> ProofVerifier.verifyConsistency(arguments.number("oldSize"),
                    arguments.number("newSize"), arguments.hash("oldRoot"), arguments.hash("newRoot"),
                    arguments.hashes("proof"));
            case "checkpoint" -> checkpoint(arguments);
            default -> throw new UsageException("unknown check " + name);
        };
    }

    private static byte[] leafHash(VerifierArguments arguments) throws UsageException {
        if (arguments.has("leafHash")) {
            return arguments.hash("leafHash");
        }
        if (arguments.has("entryJson")) {
            try {
                String json = new String(arguments.file("entryJson"), StandardCharsets.UTF_8);
                return MerkleHash.leaf(CanonicalJson.canonicalize(json));
            } catch (RuntimeException e) {
                throw new UsageException("the entry JSON cannot be canonicalized: " + e.getMessage());
            }
        }
        return MerkleHash.leaf(arguments.file("entry"));
    }

    private static Verification checkpoint(VerifierArguments arguments) throws UsageException {
        Checked<NoteVerifier> verifier = NoteVerifier.parse(arguments.text("vkey"));
        if (!verifier.ok()) {
            throw new UsageException(verifier.reason());
        }
        byte[] bytes = arguments.file("note");
        String note;
        try {
            note = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Verification.failure("the note is not valid UTF-8");
        }
        Checked<Checkpoint> checkpoint = verifier.value().verifyCheckpoint(note);
        return checkpoint.ok() ? new Verification(true, describe(checkpoint.value()))
                : Verification.failure(checkpoint.reason());
    }

    private static String describe(Checkpoint checkpoint) {
        return "ok: " + checkpoint.origin() + " at tree size " + checkpoint.treeSize() + ", root "
                + Base64.getEncoder().encodeToString(checkpoint.rootHash())
                + checkpoint.time().map(time -> ", signed at " + time).orElse("");
    }
}
