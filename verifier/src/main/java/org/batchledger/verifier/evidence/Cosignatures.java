package org.batchledger.verifier.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.verifier.proof.Cosignature;

/**
 * The witnesses an inspector requires: at least {@code required} of the given witness keys must have cosigned
 * (C2SP tlog-cosignature, {@code cosignature/v1}) the latest checkpoint in the package. With no witness key the
 * check is skipped: the hub's own signature is then the only one.
 */
final class Cosignatures {
    private final List<Cosignature.Witness> witnesses;
    private final int required;

    Cosignatures(List<Cosignature.Witness> witnesses, int required) {
        this.witnesses = List.copyOf(witnesses);
        this.required = required;
    }

    Check check(Bundle b) {
        String name = "witness-cosignatures";
        if (witnesses.isEmpty()) {
            return Check.skip(name, "no witness key given (--witness KEY)");
        }
        String path = Fields.text(Fields.object(b.manifest, "latest", EvidenceVerifier.MANIFEST), "note",
                EvidenceVerifier.MANIFEST);
        byte[] note = b.pkg.get(path);
        if (note == null || b.latest == null) {
            return Check.fail(name, "the latest checkpoint did not verify, so no cosignature on it can count");
        }
        List<String> cosigned = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Cosignature.Witness w : witnesses) {
            var result = w.verify(new String(note, StandardCharsets.UTF_8));
            if (result.ok()) {
                cosigned.add(w.label());
            } else {
                problems.add(w.label() + ": " + result.reason());
            }
        }
        return cosigned.size() >= required
                ? Check.pass(name, cosigned.size() + " of " + witnesses.size() + " witnesses cosigned " + path
                + " (" + required + " required): " + String.join(", ", cosigned))
                : Check.fail(name, cosigned.size() + " of " + witnesses.size() + " witnesses cosigned " + path + ", "
                + required + " required; " + String.join("; ", problems));
    }
}
