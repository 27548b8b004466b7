package org.batchledger.lineage.workflow;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.schema.record.ChangeControl.ValidationImpact;

/**
 * A change's impact assessment, given with the change-control transition that assesses it. Every part is required:
 * "none" is an answer, a missing part is not.
 *
 * @param equipment        impact on equipment
 * @param recipes          impact on recipes and master batch records
 * @param specifications   impact on specifications
 * @param validationImpact whether the change needs (re)validation
 */
public record ChangeAssessment(String equipment, String recipes, String specifications,
                               ValidationImpact validationImpact) {
    /** The parts missing or blank, by name. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (TakeTransition.blankToNull(equipment) == null) {
            missing.add("impactOnEquipment");
        }
        if (TakeTransition.blankToNull(recipes) == null) {
            missing.add("impactOnRecipes");
        }
        if (TakeTransition.blankToNull(specifications) == null) {
            missing.add("impactOnSpecifications");
        }
        if (validationImpact == null) {
            missing.add("validationImpact");
        }
        return missing;
    }
}
