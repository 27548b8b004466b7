package org.batchledger.synthplant;

/**
 * The dispensed quantities (kg) of one order, scaled from a nominal 240 kg blend. MCC and lactose fill what the API
 * and the fixed-share excipients leave.
 */
record Formula(double api, double mcc, double lactose, double povidone, double croscarmellose,
               double magnesiumStearate) {
    private static final double NOMINAL_BLEND_KG = 240;

    static Formula of(Product product, Dice dice) {
        double blend = NOMINAL_BLEND_KG * (1 + 0.04 * dice.bell());
        double api = blend * product.apiFraction();
        double povidone = blend * 0.04;
        double croscarmellose = blend * 0.03;
        double magnesiumStearate = blend * 0.01;
        double filler = blend - api - povidone - croscarmellose - magnesiumStearate;
        return new Formula(kg(api), kg(filler * 0.6), kg(filler * 0.4), kg(povidone), kg(croscarmellose),
                kg(magnesiumStearate));
    }

    /** Everything but the lubricant, which is added only at final blending. */
    double granulationKit() {
        return kg(api + mcc + lactose + povidone + croscarmellose);
    }

    static double kg(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
