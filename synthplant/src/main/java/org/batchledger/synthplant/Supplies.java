package org.batchledger.synthplant;

import java.time.Instant;
import java.util.List;

/**
 * The raw-material lots one order draws from, taken from the warehouse before its first batch starts. The order
 * designed as {@link ReleaseCase#UNRELEASED_UPSTREAM_LOT} dispenses a quarantined lactose lot instead of the
 * released one.
 *
 * @param dispensed API, MCC, lactose, povidone, croscarmellose, magnesium stearate — in {@link Formula} order
 */
record Supplies(List<String> dispensed, String water, String coating, String film, String foil, String carton,
                String leaflet) {

    static Supplies draw(RawMaterialStore warehouse, OrderPlan plan) {
        Instant start = plan.start();
        List<String> dispensed = List.of(plan.product().api(), Catalog.MCC, Catalog.LACTOSE, Catalog.POVIDONE,
                        Catalog.CROSCARMELLOSE, Catalog.MAGNESIUM_STEARATE).stream()
                .map(m -> lot(warehouse, m, plan)).toList();
        return new Supplies(dispensed, warehouse.lotFor(Catalog.PURIFIED_WATER, start),
                warehouse.lotFor(Catalog.FILM_COATING, start), warehouse.lotFor(Catalog.BLISTER_FILM, start),
                warehouse.lotFor(Catalog.LIDDING_FOIL, start), warehouse.lotFor(Catalog.CARTON, start),
                warehouse.lotFor(Catalog.LEAFLET, start));
    }

    private static String lot(RawMaterialStore warehouse, MaterialSpec material, OrderPlan plan) {
        String released = warehouse.lotFor(material, plan.start());
        return material == Catalog.LACTOSE && plan.is(ReleaseCase.UNRELEASED_UPSTREAM_LOT)
                ? warehouse.quarantinedLot(material, plan.start()) : released;
    }
}
