package org.batchledger.lineage.release.alcoa;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.batchledger.schema.record.RecordRef;

/** What one rule reports while it runs: the records it evaluated and its findings (a finding implies evaluation). */
final class RuleSink {
    private final AlcoaRule rule;
    private final Set<RecordRef> evaluated = new LinkedHashSet<>();
    private final List<AlcoaFinding> findings = new ArrayList<>();

    RuleSink(AlcoaRule rule) {
        this.rule = rule;
    }

    void evaluated(Item item) {
        evaluated.add(item.ref());
    }

    /** Records the item as evaluated and, unless {@code ok}, a finding with the explanation and evidence. */
    void expect(Item item, boolean ok, String explanation, Evidence... more) {
        evaluated(item);
        if (!ok) {
            finding(item, explanation, more);
        }
    }

    /** As above, the explanation built only for a finding: most records pass, and a batch has hundreds. */
    void expect(Item item, boolean ok, Supplier<String> explanation, Evidence... more) {
        evaluated(item);
        if (!ok) {
            finding(item, explanation.get(), more);
        }
    }

    void finding(Item item, String explanation, Evidence... more) {
        evaluated(item);
        List<Evidence> evidence = new ArrayList<>(List.of(item.evidence()));
        for (Evidence e : more) {
            if (!evidence.contains(e)) {
                evidence.add(e);
            }
        }
        findings.add(new AlcoaFinding(rule, item.ref(), explanation, evidence));
    }

    Set<RecordRef> evaluatedRecords() {
        return evaluated;
    }

    List<AlcoaFinding> findings() {
        return findings;
    }
}
