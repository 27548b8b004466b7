package org.batchledger.synthplant;

import java.util.EnumMap;
import java.util.Map;

/**
 * Decides each order: line, product campaign, start time, incidents and, for the newest orders, the designed
 * release case ({@link ReleaseSpread}). Orders are dealt to lines in turn; a line runs one product for a campaign of
 * four to eight orders, then changes over (which forces a major clean).
 *
 * <p>Dispositioned orders draw their incidents at random, every deviation closed (a confirmed OOS rejects
 * the batch). Designed orders have only their designed incident: the OOS case a dissolution OOS whose
 * investigation is closed, the open-deviation case a line-clearance deviation still open. The first order always
 * has a granulation LOD excursion (closed), so every plant, even a tiny one, has a closed and an open deviation and
 * an OOS.
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
        ReleaseCase design = plant.spread.caseOf(index);
        return new OrderPlan(index, line, product(line, index), clock.orderStart(index / lines, line),
                incidents(index, design), design);
    }

    private Product product(int line, int index) {
        boolean hold = campaignProduct[line] != null && plant.spread.holdsCampaign(index);
        if (campaignLeft[line] <= 0 && !hold) {
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

    private Map<Incident, Boolean> incidents(int index, ReleaseCase design) {
        Map<Incident, Boolean> incidents = new EnumMap<>(Incident.class);
        if (design == null) {
            for (Incident incident : Incident.values()) {
                if (plant.dice.chance(incident.rate)) {
                    incidents.put(incident, false);
                }
            }
        } else if (design == ReleaseCase.OOS_RESULT) {
            incidents.put(Incident.DISSOLUTION_OOS, false);
        } else if (design == ReleaseCase.OPEN_DEVIATION) {
            incidents.put(Incident.LINE_CLEARANCE, true);
        }
        if (index == 0) {
            incidents.put(Incident.LOD_EXCURSION, false);
        }
        return incidents;
    }
}
