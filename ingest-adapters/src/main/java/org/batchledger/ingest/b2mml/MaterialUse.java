package org.batchledger.ingest.b2mml;

/** What a material actual did in the batch: only consumed and produced lots are genealogy edges. */
enum MaterialUse {
    CONSUMED, PRODUCED, NOT_GENEALOGY;

    boolean genealogy() {
        return this != NOT_GENEALOGY;
    }

    /** From the V0401 element name (MaterialConsumedActual) or the MaterialUse word; missing is a problem. */
    static MaterialUse of(XmlNode a, Findings f) {
        switch (a.name()) {
            case "MaterialConsumedActual" -> {
                return CONSUMED;
            }
            case "MaterialProducedActual" -> {
                return PRODUCED;
            }
            case "ConsumableActual" -> {
                return notGenealogy(a, "Consumable", f);
            }
            default -> {
                // MaterialActual: the MaterialUse element says
            }
        }
        String use = a.text("MaterialUse");
        if (use == null) {
            f.problem(a.xpath(), "MaterialUse", "B2MML-MATERIAL-USE", "material actual states no MaterialUse "
                    + "(Consumed/Produced); the direction of the genealogy edge cannot be known");
            return NOT_GENEALOGY;
        }
        String w = StatusWords.normal(use);
        if (w.equals("consumed")) {
            return CONSUMED;
        }
        if (w.endsWith("produced")) {
            if (!w.equals("produced")) {
                f.warnOnce("use|" + use, a.xpath(), "MaterialUse", "B2MML-MATERIAL-USE", "'" + use
                        + "' is recorded as a produced lot (the ledger has no by-/co-product kind)");
            }
            return PRODUCED;
        }
        return notGenealogy(a, use, f);
    }

    private static MaterialUse notGenealogy(XmlNode a, String use, Findings f) {
        f.warnOnce("use|" + use, a.xpath(), "MaterialUse", "B2MML-MATERIAL-USE", "material use '" + use
                + "' is not a genealogy edge (only Consumed/Produced are); no edge recorded");
        return NOT_GENEALOGY;
    }
}
