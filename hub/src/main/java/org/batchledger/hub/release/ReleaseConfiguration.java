package org.batchledger.hub.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.release.ReleaseQueue;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.release.InvalidSpecificationException;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;
import org.batchledger.synthplant.SyntheticPlant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The release beans. Specifications are read once at start from {@code batchledger.release.specifications}
 * (default {@code config/release/specifications.json}): an absent file means no specifications (the tests-complete
 * check then says so per batch); a file that cannot be used refuses the start, naming the file and the problem. The
 * demo plant brings its own.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseConfiguration {
    static final String DEFAULT_FILE = "config/release/specifications.json";

    /** With the demo plant, its own specifications complete the file's (the file wins for a product in both). */
    @Bean
    Specifications releaseSpecifications(
            @Value("${batchledger.release.specifications:" + DEFAULT_FILE + "}") Path file, HubProperties props) {
        Specifications fromFile = read(file);
        if (!props.demoPlant().enabled()) {
            return fromFile;
        }
        List<ProductSpecification> all = new ArrayList<>(fromFile.all());
        SyntheticPlant.specifications().all().stream()
                .filter(spec -> fromFile.of(spec.product()).isEmpty()).forEach(all::add);
        return new Specifications(all);
    }

    @Bean
    ReleaseReadiness releaseReadiness(GraphDatabase db, GenealogyTraversal traversal, Specifications specifications,
                                      AlcoaEngine alcoa) {
        return new ReleaseReadiness(db, traversal, specifications, ReleaseReadiness.DEFAULT_LIMITS, alcoa);
    }

    @Bean
    ReleaseQueue releaseQueue(GraphDatabase db, ReleaseReadiness readiness) {
        return new ReleaseQueue(db, readiness);
    }

    static Specifications read(Path file) {
        if (!Files.exists(file)) {
            return Specifications.NONE;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Specifications.read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidSpecificationException(file + ": cannot be read: " + e.getMessage());
        }
    }
}
