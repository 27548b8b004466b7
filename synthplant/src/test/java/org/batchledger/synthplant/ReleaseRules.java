package org.batchledger.synthplant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;

/**
 * An independent reading of the release contract's data rules over generated records, stricter than the contract
 * where it leaves room (upstream equipment and deviations count, and a use must be covered by the latest cleaning
 * and calibration as well as by some): which designed reasons a packaging batch shows. A designed batch must show
 * exactly its own, a ready one none.
 */
final class ReleaseRules {
    private static final Set<LotStatus> ACCEPTABLE = EnumSet.of(LotStatus.RELEASED, LotStatus.IN_STOCK,
            LotStatus.CONSUMED);

    private final Map<String, Batch> batches;
    private final Map<String, Lot> lots;
    private final Map<String, String> producerOf = new HashMap<>();
    private final Map<String, List<String>> inputsOf = new HashMap<>();
    private final Map<String, List<String>> outputsOf = new HashMap<>();
    private final Map<String, List<EquipmentUse>> usesOf = new HashMap<>();
    private final Map<String, List<Cleaning>> cleanings = new HashMap<>();
    private final Map<String, List<Calibration>> calibrations = new HashMap<>();
    private final Map<RecordRef, List<TestResult>> testsOn = new HashMap<>();
    private final Map<RecordRef, List<Deviation>> deviationsOn = new HashMap<>();
    private final Map<RecordRef, List<Signature>> signaturesOn = new HashMap<>();
    /** Who recorded each record that belongs to a batch (by batch key), and where the last one sits in the stream. */
    private final Map<String, Set<String>> recordersOf = new HashMap<>();
    private final Map<String, Integer> lastRecordAt = new HashMap<>();
    private final Map<String, Integer> position = new HashMap<>();
    private final Specifications specifications = SyntheticPlant.specifications();

    ReleaseRules(List<LedgerRecord> records) {
        this.batches = Plants.byKey(records, Batch.class);
        this.lots = Plants.byKey(records, Lot.class);
        for (int i = 0; i < records.size(); i++) {
            index(records.get(i), i);
        }
    }

    private void index(LedgerRecord r, int at) {
        position.put(r.key(), at);
        switch (r) {
            case Production p -> {
                producerOf.put(p.lotKey(), p.batchKey());
                outputsOf.computeIfAbsent(p.batchKey(), k -> new ArrayList<>()).add(p.lotKey());
                belongs(p.batchKey(), r, at);
            }
            case Consumption c -> {
                inputsOf.computeIfAbsent(c.batchKey(), k -> new ArrayList<>()).add(c.lotKey());
                belongs(c.batchKey(), r, at);
            }
            case EquipmentUse u -> {
                usesOf.computeIfAbsent(u.batchKey(), k -> new ArrayList<>()).add(u);
                belongs(u.batchKey(), r, at);
            }
            case StepRecord s -> belongs(s.batchKey(), r, at);
            case Batch b -> belongs(b.key(), r, at);
            case Cleaning c -> cleanings.computeIfAbsent(c.equipmentKey(), k -> new ArrayList<>()).add(c);
            case Calibration c -> calibrations.computeIfAbsent(c.equipmentKey(), k -> new ArrayList<>()).add(c);
            case TestResult t -> {
                testsOn.computeIfAbsent(t.subject(), k -> new ArrayList<>()).add(t);
                if (t.subject().type() == RecordType.BATCH) {
                    belongs(t.subject().key(), r, at);
                } else if (producerOf.containsKey(t.subject().key())) {
                    belongs(producerOf.get(t.subject().key()), r, at);
                }
            }
            case Deviation d -> d.impacts().forEach(ref ->
                    deviationsOn.computeIfAbsent(ref, k -> new ArrayList<>()).add(d));
            case Signature s -> signaturesOn.computeIfAbsent(s.signs(), k -> new ArrayList<>()).add(s);
            default -> {
            }
        }
    }

    private void belongs(String batchKey, LedgerRecord r, int at) {
        recordersOf.computeIfAbsent(batchKey, k -> new HashSet<>()).add(r.provenance().recordedBy());
        lastRecordAt.merge(batchKey, at, Math::max);
    }

    /** The designed reasons the batch shows; empty for a batch ready for release. */
    Set<ReleaseCase> reasons(String batchKey) {
        Batch batch = batches.get(batchKey);
        Set<String> upstreamBatches = new HashSet<>();
        Set<String> upstreamLots = new HashSet<>();
        walkUp(batchKey, upstreamBatches, upstreamLots);
        Set<ReleaseCase> reasons = EnumSet.noneOf(ReleaseCase.class);
        if (upstreamLots.stream().anyMatch(l -> !ACCEPTABLE.contains(lots.get(l).status()))) {
            reasons.add(ReleaseCase.UNRELEASED_UPSTREAM_LOT);
        }
        tests(batch, upstreamBatches, upstreamLots, reasons);
        if (impacted(batchKey, upstreamBatches, upstreamLots).stream()
                .anyMatch(d -> d.status() != DeviationStatus.CLOSED)) {
            reasons.add(ReleaseCase.OPEN_DEVIATION);
        }
        for (String b : upstreamBatches) {
            for (EquipmentUse use : usesOf.getOrDefault(b, List.of())) {
                if (!calibrated(use)) {
                    reasons.add(ReleaseCase.EQUIPMENT_OUT_OF_CALIBRATION);
                }
                if (!clean(use)) {
                    reasons.add(ReleaseCase.EQUIPMENT_CLEAN_HOLD_EXPIRED);
                }
            }
        }
        signatures(batch, reasons);
        return reasons;
    }

    /** The batch itself counts as its own upstream (depth 0). */
    private void walkUp(String batchKey, Set<String> upBatches, Set<String> upLots) {
        var queue = new ArrayDeque<String>(List.of(batchKey));
        while (!queue.isEmpty()) {
            String b = queue.poll();
            if (!upBatches.add(b)) {
                continue;
            }
            for (String lot : inputsOf.getOrDefault(b, List.of())) {
                upLots.add(lot);
                if (producerOf.containsKey(lot)) {
                    queue.add(producerOf.get(lot));
                }
            }
        }
    }

    private void tests(Batch batch, Set<String> upBatches, Set<String> upLots, Set<ReleaseCase> reasons) {
        ProductSpecification spec = specifications.of(batch.productKey()).orElseThrow();
        List<TestResult> own = new ArrayList<>(testsOn.getOrDefault(RecordRef.of(batch), List.of()));
        outputsOf.getOrDefault(batch.key(), List.of()).forEach(l ->
                own.addAll(testsOn.getOrDefault(new RecordRef(RecordType.LOT, l), List.of())));
        for (String test : spec.tests()) {
            var results = own.stream().filter(t -> t.test().equals(test)).toList();
            if (results.isEmpty() || results.stream().anyMatch(t -> t.outcome() == TestOutcome.PENDING)) {
                reasons.add(ReleaseCase.PENDING_TEST);
            }
        }
        List<TestResult> all = new ArrayList<>(own);
        upBatches.forEach(b -> all.addAll(testsOn.getOrDefault(new RecordRef(RecordType.BATCH, b), List.of())));
        upLots.forEach(l -> all.addAll(testsOn.getOrDefault(new RecordRef(RecordType.LOT, l), List.of())));
        if (all.stream().anyMatch(t -> t.outcome() == TestOutcome.OOS)) {
            reasons.add(ReleaseCase.OOS_RESULT);
        }
    }

    private List<Deviation> impacted(String batchKey, Set<String> upBatches, Set<String> upLots) {
        Set<RecordRef> refs = new HashSet<>();
        upBatches.forEach(b -> {
            refs.add(new RecordRef(RecordType.BATCH, b));
            usesOf.getOrDefault(b, List.of()).forEach(u -> refs.add(new RecordRef(RecordType.EQUIPMENT,
                    u.equipmentKey())));
        });
        upLots.forEach(l -> refs.add(new RecordRef(RecordType.LOT, l)));
        outputsOf.getOrDefault(batchKey, List.of()).forEach(l -> refs.add(new RecordRef(RecordType.LOT, l)));
        return refs.stream().flatMap(r -> deviationsOn.getOrDefault(r, List.of()).stream()).toList();
    }

    private boolean calibrated(EquipmentUse use) {
        var before = calibrations.getOrDefault(use.equipmentKey(), List.of()).stream()
                .filter(c -> !c.performedAt().isAfter(use.from())).toList();
        return !before.isEmpty() && before.stream().anyMatch(c -> !c.dueAt().isBefore(use.to()))
                && !latest(before.stream().map(Calibration::performedAt).toList(), before).dueAt().isBefore(use.to());
    }

    private boolean clean(EquipmentUse use) {
        var before = cleanings.getOrDefault(use.equipmentKey(), List.of()).stream()
                .filter(c -> !c.performedAt().isAfter(use.from())).toList();
        return !before.isEmpty() && before.stream().anyMatch(c -> !c.validUntil().isBefore(use.to()))
                && !latest(before.stream().map(Cleaning::performedAt).toList(), before).validUntil()
                .isBefore(use.to());
    }

    private static <T> T latest(List<Instant> times, List<T> items) {
        int best = 0;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i).isAfter(times.get(best))) {
                best = i;
            }
        }
        return items.get(best);
    }

    private void signatures(Batch batch, Set<ReleaseCase> reasons) {
        var sigs = signaturesOn.getOrDefault(RecordRef.of(batch), List.of());
        Set<String> performers = signers(sigs, SignatureMeaning.PERFORMED);
        Set<String> reviewers = new HashSet<>(signers(sigs, SignatureMeaning.REVIEWED));
        reviewers.addAll(signers(sigs, SignatureMeaning.VERIFIED));
        reviewers.removeAll(performers);
        if (performers.isEmpty() || reviewers.isEmpty()) {
            reasons.add(ReleaseCase.MISSING_REVIEW_SIGNATURE);
        }
        Set<String> involved = new HashSet<>(performers);
        involved.addAll(recordersOf.getOrDefault(batch.key(), Set.of()));
        int last = lastRecordAt.getOrDefault(batch.key(), 0);
        boolean reviewed = sigs.stream().anyMatch(s -> s.meaning() == SignatureMeaning.AUDIT_TRAIL_REVIEWED
                && !involved.contains(s.signerSubject()) && position.get(s.key()) > last);
        if (!reviewed) {
            reasons.add(ReleaseCase.AUDIT_TRAIL_REVIEW_MISSING);
        }
    }

    private static Set<String> signers(List<Signature> sigs, SignatureMeaning meaning) {
        Set<String> who = new HashSet<>();
        sigs.stream().filter(s -> s.meaning() == meaning).forEach(s -> who.add(s.signerSubject()));
        return who;
    }
}
