package org.batchledger.synthplant;

import java.time.Instant;
import java.util.List;

/**
 * The raw-material lots one order draws from, taken from the warehouse before its first batch starts.
 *
 * @param dispensed API, MCC, lactose, povidone, croscarmellose, magnesium stearate — in {@link Formula} order
 */
record Supplies(List<String> dispensed, String water, String coating, String film, String foil, String carton,
                String leaflet) {

    static Supplies draw(RawMaterialStore warehouse, OrderPlan plan) {
        Instant start = plan.start();
        List<String> dispensed = List.of(plan.product().api(), Catalog.MCC, Catalog.LACTOSE, Catalog.POVIDONE,
                        Catalog.CROSCARMELLOSE, Catalog.MAGNESIUM_STEARATE).stream()
                .map(m -> warehouse.lotFor(m, start)).toList();
        return new Supplies(dispensed, warehouse.lotFor(Catalog.PURIFIED_WATER, start),
                warehouse.lotFor(Catalog.FILM_COATING, start), warehouse.lotFor(Catalog.BLISTER_FILM, start),
                warehouse.lotFor(Catalog.LIDDING_FOIL, start), warehouse.lotFor(Catalog.CARTON, start),
                warehouse.lotFor(Catalog.LEAFLET, start));
    }
}
