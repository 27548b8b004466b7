package org.batchledger.hub.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.store.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hub's one view of a database outage, whichever entry point met it (a GraphQL field, a REST endpoint, the
 * read-your-writes wait before a request): what the caller is told ({@link DatabaseUnavailable}), and one log line at
 * most once a minute with the count of failed requests since, since an unreachable or failed database fails every
 * request until it is back.
 */
@Component
public class DatabaseOutages {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutages.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;
    private final Path embeddedHome;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong unlogged = new AtomicLong();

    DatabaseOutages(HubProperties props) {
        this.embeddedHome = props.embeddedNeo4jHome();
    }

    /** The outage behind {@code e} (its causes included), logged at most once a minute; empty for any other failure. */
    public Optional<DatabaseUnavailable> of(Throwable e) {
        Optional<DatabaseUnavailable> outage = DatabaseUnavailable.of(e, embeddedHome);
        outage.ifPresent(o -> logAtMostOnceAMinute(o.logLine()));
        return outage;
    }

    private void logAtMostOnceAMinute(String line) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.error("{} ({} more failed requests not logged since the last line)", line, unlogged.getAndSet(0));
        } else {
            unlogged.incrementAndGet();
        }
    }
}
