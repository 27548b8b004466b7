package org.batchledger.hub.ledger;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.Witnessing;
import org.batchledger.witness.WitnessClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Hands each checkpoint the hub signs to the witnesses on one background thread, so signing (and the reader that
 * asked for the checkpoint) never waits for a witness, and every {@code witness-retry} submits the newest
 * checkpoint to witnesses that missed it (down, or restarted from a backup). Without witnesses it does nothing.
 */
@Component
class WitnessSubmissions implements SmartInitializingSingleton, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessSubmissions.class);
    private final Witnessing witnessing;
    private final Checkpoints checkpoints;
    private final Duration retry;
    private final ScheduledExecutorService executor;

    WitnessSubmissions(Checkpoints checkpoints, LedgerProofs proofs, WitnessProperties properties,
                       ObjectProvider<Clock> clock) {
        this.checkpoints = checkpoints;
        this.retry = properties.witnessRetry();
        this.witnessing = new Witnessing(checkpoints, proofs, properties.endpoints(),
                new WitnessClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()),
                clock.getIfAvailable(Clock::systemUTC));
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-witnesses");
            thread.setDaemon(true);
            return thread;
        });
    }

    Witnessing witnessing() {
        return witnessing;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (witnessing.witnesses().isEmpty()) {
            return;
        }
        checkpoints.onSigned(checkpoint -> executor.execute(() -> guarded(() -> witnessing.submit(checkpoint))));
        executor.scheduleWithFixedDelay(() -> guarded(witnessing::catchUp), 0, retry.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Submitting checkpoints to {} witness(es): {}", witnessing.witnesses().size(),
                witnessing.witnesses().stream().map(w -> w.key().label() + " at " + w.url()).toList());
    }

    // A failure (the database unreachable for a moment) must not end the scheduled retries.
    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Witness submission failed; tried again later", e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
