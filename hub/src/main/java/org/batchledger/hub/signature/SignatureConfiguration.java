package org.batchledger.hub.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.batchledger.lineage.signature.Dispositions;
import org.batchledger.lineage.signature.ExceptionDispositions;
import org.batchledger.lineage.signature.MeaningRules;
import org.batchledger.lineage.signature.Signing;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signing and withdrawal over the unit of work; the role-meaning rules are read here, so a bad file stops the start. */
@Configuration(proxyBeanMethods = false)
class SignatureConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SignatureConfiguration.class);

    @Bean
    MeaningRules meaningRules(SignatureProperties props) {
        MeaningRules rules;
        if (props.meanings() == null) {
            rules = MeaningRules.defaults();
        } else {
            try (InputStream in = Files.newInputStream(props.meanings())) {
                rules = MeaningRules.read(in, props.meanings().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the signature meaning rules " + props.meanings(), e);
            }
        }
        LOG.info("Signature meaning rules version {}, re-authentication window {}", rules.version(),
                props.reauthenticationWindow());
        return rules;
    }

    @Bean
    Signing signing(LedgeredWrite unitOfWork, MeaningRules rules, SignatureProperties props,
                    ObjectProvider<Clock> clock) {
        return new Signing(unitOfWork, rules, props.reauthenticationWindow(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Reads release readiness and the upstream genealogy (the stated arrow signature → release, genealogy). */
    @Bean
    Dispositions dispositions(org.batchledger.lineage.store.GraphDatabase db, LedgeredWrite unitOfWork,
                              org.batchledger.lineage.release.ReleaseReadiness readiness,
                              org.batchledger.lineage.genealogy.GenealogyTraversal traversal, MeaningRules rules,
                              SignatureProperties props, ObjectProvider<Clock> clock) {
        return new Dispositions(db, unitOfWork, readiness, traversal, rules, props.reauthenticationWindow(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Reads the review queue at the ledger's head (the stated arrow signature → release). */
    @Bean
    ExceptionDispositions exceptionDispositions(org.batchledger.lineage.store.GraphDatabase db,
                                                LedgeredWrite unitOfWork,
                                                org.batchledger.lineage.release.ReleaseReadiness readiness,
                                                MeaningRules rules, SignatureProperties props,
                                                ObjectProvider<Clock> clock) {
        return new ExceptionDispositions(db, unitOfWork, readiness, rules, props.reauthenticationWindow(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SignatureWithdrawals signatureWithdrawals(LedgeredWrite unitOfWork, ObjectProvider<Clock> clock) {
        return new SignatureWithdrawals(unitOfWork, clock.getIfAvailable(Clock::systemUTC));
    }
}
