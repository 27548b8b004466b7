package org.batchledger.synthplant;

import java.util.EnumMap;
import java.util.Map;

/**
 * Decides each order: line, product campaign, start time and incidents. Orders are dealt to lines in turn; a line
 * runs one product for a campaign of four to eight orders, then changes over (which forces a major clean).
 *
 * <p>Two incidents are placed on purpose so that every plant, even a tiny one, has a closed and an open deviation
 * and an OOS: the first order's granulation LOD excursion (closed) and the last order's dissolution OOS (open).
 */
final class OrderPlanner {
    private final PlantContext plant;
    private final PlantClock clock;
    private final Product[] campaignProduct;
    private final int[] campaignLeft;

    OrderPlanner(PlantContext plant) {
        this.plant = plant;
        this.clock = new PlantClock(plant.size.lines());
        this.campaignProduct = new Product[plant.size.lines()];
        this.campaignLeft = new int[plant.size.lines()];
    }

    OrderPlan plan(int index) {
        int lines = plant.size.lines();
        int line = index % lines;
        return new OrderPlan(index, line, product(line), clock.orderStart(index / lines, line), incidents(index),
                index + lines >= plant.size.orders());
    }

    private Product product(int line) {
        if (campaignLeft[line] == 0) {
            var products = Catalog.PRODUCTS;
            int next = campaignProduct[line] == null ? line % products.size()
                    : (products.indexOf(campaignProduct[line]) + 1 + plant.dice.upTo(products.size() - 1))
                    % products.size();
            campaignProduct[line] = products.get(next);
            campaignLeft[line] = 4 + plant.dice.upTo(5);
        }
        campaignLeft[line]--;
        return campaignProduct[line];
    }

    private Map<Incident, Boolean> incidents(int index) {
        int orders = plant.size.orders();
        Map<Incident, Boolean> incidents = new EnumMap<>(Incident.class);
        for (Incident incident : Incident.values()) {
            if (plant.dice.chance(incident.rate)) {
                // Recent deviations are mostly still open; old ones mostly closed.
                incidents.put(incident, plant.dice.chance(index >= orders * 0.9 ? 0.7 : 0.1));
            }
        }
        if (index == 0) {
            incidents.put(Incident.LOD_EXCURSION, false);
        }
        if (index == orders - 1) {
            incidents.put(Incident.DISSOLUTION_OOS, true);
        }
        return incidents;
    }
}
