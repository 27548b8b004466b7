package org.batchledger.hub.evidence;

import java.time.Clock;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.evidence.EvidenceExporter;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.verifier.proof.NoteSigner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The exporter (its PDF/A-3 report included), signing manifests with the checkpoint key, and the store of built packages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceSettings.class)
class EvidenceConfiguration {

    @Bean
    EvidenceExporter evidenceExporter(GraphDatabase db, GenealogyTraversal traversal, Checkpoints checkpoints,
                                      LedgerProofs proofs, NoteSigner signer, EvidenceSettings settings,
                                      ObjectProvider<Clock> clock) {
        return new EvidenceExporter(db, traversal, checkpoints, proofs, signer,
                new EvidenceExporter.Limits(settings.maxOriginalBytes(), settings.maxEntries()),
                clock.getIfAvailable(Clock::systemUTC), new PdfPackageReport("batch-ledger-verifier-*.jar"));
    }

    @Bean
    EvidenceStore evidenceStore(HubProperties props, EvidenceSettings settings, EvidenceExporter exporter,
                                ObjectProvider<Clock> clock) {
        return new EvidenceStore(props.dataDir(), settings, exporter, clock.getIfAvailable(Clock::systemUTC));
    }
}
