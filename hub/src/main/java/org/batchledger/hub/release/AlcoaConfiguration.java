package org.batchledger.hub.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaRuleSet;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.release.Specifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ALCOA+ rule set and engine. The rule set is read once at start, so an unknown or repeated rule ID stops the
 * hub with the rule's name ({@code InvalidRuleSetException}) instead of failing on the first query. The shipped set
 * applies unless {@code batchledger.release.alcoa-rules} names another file.
 */
@Configuration(proxyBeanMethods = false)
class AlcoaConfiguration {

    @Bean
    AlcoaRuleSet alcoaRuleSet(@Value("${batchledger.release.alcoa-rules:}") String file) {
        if (file.isBlank()) {
            return AlcoaRuleSet.shipped();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return AlcoaRuleSet.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ALCOA+ rule set " + file, e);
        }
    }

    /** Specifications come from the release configuration when one provides them; without, Complete rules skip. */
    @Bean
    AlcoaEngine alcoaEngine(GraphDatabase db, AlcoaRuleSet ruleSet, ObjectProvider<Specifications> specifications,
                            HubProperties hub) {
        return new AlcoaEngine(db, ruleSet, specifications.getIfAvailable(() -> Specifications.NONE),
                new BlobFiles(hub.dataDir()));
    }
}
