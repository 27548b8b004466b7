package org.batchledger.ingest.b2mml;

import java.util.Locale;
import java.util.Map;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.Material.MaterialKind;

/**
 * The policy that turns a vendor's status word into one of our enums. A word that is our own value (any case,
 * spaces and dashes ignored) maps silently; a known vendor synonym maps with a warning that names both words; an
 * unknown word maps to null with a warning. Never a silent default.
 */
public final class StatusWords {
    private static final Map<String, LotStatus> LOT = Map.ofEntries(
            Map.entry("valid", LotStatus.RELEASED), Map.entry("approved", LotStatus.RELEASED),
            Map.entry("unrestricted", LotStatus.RELEASED), Map.entry("available", LotStatus.RELEASED),
            Map.entry("accepted", LotStatus.RELEASED), Map.entry("blocked", LotStatus.QUARANTINE),
            Map.entry("onhold", LotStatus.QUARANTINE), Map.entry("hold", LotStatus.QUARANTINE),
            Map.entry("quarantined", LotStatus.QUARANTINE), Map.entry("restricted", LotStatus.QUARANTINE),
            Map.entry("pending", LotStatus.QUARANTINE), Map.entry("qualityinspection", LotStatus.QUARANTINE),
            Map.entry("untested", LotStatus.QUARANTINE), Map.entry("invalid", LotStatus.REJECTED),
            Map.entry("expired", LotStatus.REJECTED), Map.entry("failed", LotStatus.REJECTED),
            Map.entry("scrapped", LotStatus.REJECTED), Map.entry("depleted", LotStatus.CONSUMED),
            Map.entry("empty", LotStatus.CONSUMED), Map.entry("received", LotStatus.IN_STOCK),
            Map.entry("inuse", LotStatus.IN_PROCESS), Map.entry("wip", LotStatus.IN_PROCESS));

    private static final Map<String, BatchStatus> BATCH = Map.ofEntries(
            Map.entry("ready", BatchStatus.PLANNED), Map.entry("forecast", BatchStatus.PLANNED),
            Map.entry("idle", BatchStatus.PLANNED), Map.entry("scheduled", BatchStatus.PLANNED),
            Map.entry("running", BatchStatus.IN_PROCESS), Map.entry("inprogress", BatchStatus.IN_PROCESS),
            Map.entry("started", BatchStatus.IN_PROCESS), Map.entry("holding", BatchStatus.IN_PROCESS),
            Map.entry("held", BatchStatus.IN_PROCESS), Map.entry("paused", BatchStatus.IN_PROCESS),
            Map.entry("pausing", BatchStatus.IN_PROCESS), Map.entry("restarting", BatchStatus.IN_PROCESS),
            Map.entry("complete", BatchStatus.COMPLETED), Map.entry("closed", BatchStatus.COMPLETED),
            Map.entry("finished", BatchStatus.COMPLETED), Map.entry("stopped", BatchStatus.COMPLETED),
            Map.entry("aborted", BatchStatus.REJECTED), Map.entry("aborting", BatchStatus.REJECTED),
            Map.entry("cancelled", BatchStatus.REJECTED), Map.entry("approved", BatchStatus.RELEASED),
            Map.entry("reviewed", BatchStatus.UNDER_REVIEW), Map.entry("inreview", BatchStatus.UNDER_REVIEW));

    private static final Map<String, MaterialKind> KIND = Map.ofEntries(
            Map.entry("raw", MaterialKind.RAW_MATERIAL), Map.entry("rawmaterials", MaterialKind.RAW_MATERIAL),
            Map.entry("activeingredient", MaterialKind.API), Map.entry("drugsubstance", MaterialKind.API),
            Map.entry("activepharmaceuticalingredient", MaterialKind.API),
            Map.entry("semifinished", MaterialKind.INTERMEDIATE), Map.entry("bulk", MaterialKind.INTERMEDIATE),
            Map.entry("finishedgood", MaterialKind.FINISHED_PRODUCT), Map.entry("product", MaterialKind.FINISHED_PRODUCT),
            Map.entry("packagingmaterial", MaterialKind.PACKAGING), Map.entry("utilities", MaterialKind.UTILITY));

    private StatusWords() {
    }

    public static LotStatus lot(String word, String locator, Findings f) {
        return map(word, LotStatus.class, LOT, locator, "Status", f);
    }

    public static BatchStatus batch(String word, String locator, String field, Findings f) {
        return map(word, BatchStatus.class, BATCH, locator, field, f);
    }

    public static MaterialKind kind(String word, String locator, Findings f) {
        return map(word, MaterialKind.class, KIND, locator, "MaterialClassID", f);
    }

    /** The general policy, also for other enums (BatchML signature meanings). */
    public static <E extends Enum<E>> E map(String word, Class<E> type, Map<String, E> synonyms, String locator,
                                            String field, Findings f) {
        if (word == null) {
            return null;
        }
        String norm = normal(word);
        for (E e : type.getEnumConstants()) {
            if (normal(e.name()).equals(norm)) {
                return e;
            }
        }
        E e = synonyms.get(norm);
        if (e != null) {
            f.warnOnce("mapped|" + field + "|" + word, locator, field, "STATUS-MAPPED", "'" + word + "' is not one of ours; read as " + e);
        } else {
            f.warnOnce("unknown|" + field + "|" + word, locator, field, "STATUS-UNKNOWN", "'" + XmlValues.shorten(word) + "' is not a known "
                    + type.getSimpleName() + "; left empty");
        }
        return e;
    }

    /** Lower case, letters and digits only: how vendor words are compared. */
    public static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
