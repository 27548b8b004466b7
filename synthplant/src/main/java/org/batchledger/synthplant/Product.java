package org.batchledger.synthplant;

/**
 * A finished product and its formula. Intermediates are product-specific materials, one per stage output.
 *
 * @param tabletMg     core tablet weight
 * @param apiFraction  share of the API in the core tablet (by mass)
 */
record Product(String code, String name, MaterialSpec api, double tabletMg, double apiFraction, int tabletsPerPack) {

    String finishedKey() {
        return Keys.fixed("MAT-" + code + "-FG");
    }

    String intermediateKey(Intermediate intermediate) {
        return Keys.fixed("MAT-" + code + "-" + intermediate.name());
    }

    /** Intermediate materials, in the order the stages make them. */
    enum Intermediate {
        KIT("granulation kit"), LUB("lubricant kit"), GRAN("dried granules"), BLEND("final blend"),
        CORE("core tablets"), COATED("film-coated tablets");

        final String label;

        Intermediate(String label) {
            this.label = label;
        }
    }
}
