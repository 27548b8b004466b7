package org.batchledger.schema.release;

import java.util.List;

/**
 * What a batch of one product (the batch's product material key) must show before release: the tests of the
 * specification (by test name, on the batch or on the lots it produced) and the steps of the master recipe (by step
 * name, in its step records). An empty list means "not specified", not "nothing required".
 */
public record ProductSpecification(String product, String version, List<String> tests, List<String> steps) {
    public ProductSpecification {
        if (product == null || product.isBlank()) {
            throw new InvalidSpecificationException("a specification has no product");
        }
        if (version == null || version.isBlank()) {
            throw new InvalidSpecificationException("specification of " + product + " has no version");
        }
        tests = List.copyOf(tests == null ? List.of() : tests);
        steps = List.copyOf(steps == null ? List.of() : steps);
    }
}
