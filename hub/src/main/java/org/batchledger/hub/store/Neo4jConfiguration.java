package org.batchledger.hub.store;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.genealogy.CommonUpstreamAnalysis;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.RecallImpactAnalysis;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.record.SignatureStates;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordWriter;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One driver for the whole hub. Embedded or external, it connects with a routing URI, so the code path is the
 * one a cluster needs. The schema migrations run before anything else touches the graph.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedNeo4jServer embeddedNeo4j(HubProperties props) {
        if (props.neo4j().external()) {
            return EmbeddedNeo4jServer.none();
        }
        return new EmbeddedNeo4jServer(EmbeddedNeo4j.start(props.embeddedNeo4jHome(),
                props.neo4j().embedded().boltPort()));
    }

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(HubProperties props, EmbeddedNeo4jServer embedded) {
        URI uri = props.neo4j().external() ? URI.create(props.neo4j().uri()) : embedded.server().boltUri();
        AuthToken auth = props.neo4j().username() == null ? AuthTokens.none()
                : AuthTokens.basic(props.neo4j().username(), props.neo4j().password());
        // Fail fast when the database is away (a request answers SERVICE_UNAVAILABLE within seconds) yet ride out
        // a cluster's leader switch, which takes a few seconds.
        Config config = Config.builder()
                .withMaxTransactionRetryTime(props.neo4j().retryTime().toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(props.neo4j().retryTime().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        Driver driver = org.neo4j.driver.GraphDatabase.driver(uri, auth, config);
        try {
            driver.verifyConnectivity();
        } catch (Neo4jException | IllegalStateException e) {
            driver.close();
            throw new Neo4jUnreachableException(uri, e);
        }
        LOG.info("Connected to Neo4j at {} ({})", uri, props.neo4j().external() ? "external" : "embedded");
        return driver;
    }

    @Bean
    GraphDatabase graphDatabase(Driver driver, HubProperties props) {
        GraphDatabase db = new GraphDatabase(driver, props.neo4j().database());
        Migrations.apply(db);
        return db;
    }

    /**
     * The one ledgered unit of work every write command runs on. Before any write, an ingest lease an earlier run of
     * this hub left (it died mid-file) is recovered: what it staged is removed, so nothing of that file is visible.
     */
    @Bean
    LedgeredWrite ledgeredWrite(GraphDatabase db, ObjectProvider<Clock> clock) {
        LedgeredWrite unitOfWork = new LedgeredWrite(db, new LedgerAppender(clock.getIfAvailable(Clock::systemUTC)));
        unitOfWork.recoverAtStart().ifPresent(lease -> LOG.warn("recovered the ingest of {} that an earlier run left "
                + "unfinished (lease since {})", lease.file(), lease.sinceInstant()));
        return unitOfWork;
    }

    @Bean
    RecordWriter recordWriter(LedgeredWrite unitOfWork) {
        return new RecordWriter(unitOfWork);
    }

    @Bean
    RecordQueries recordQueries(GraphDatabase db) {
        return new RecordQueries(db);
    }

    @Bean
    Neighbours neighbours(GraphDatabase db) {
        return new Neighbours(db);
    }

    @Bean
    SignatureStates signatureStates(Neighbours neighbours, RecordQueries records) {
        return new SignatureStates(neighbours, records);
    }

    @Bean
    GenealogyTraversal genealogyTraversal(GraphDatabase db) {
        return new GenealogyTraversal(db);
    }

    @Bean
    RecallImpactAnalysis recallImpactAnalysis(GraphDatabase db) {
        return new RecallImpactAnalysis(db);
    }

    @Bean
    CommonUpstreamAnalysis commonUpstreamAnalysis(GraphDatabase db) {
        return new CommonUpstreamAnalysis(db);
    }

    /** Holds the embedded server, if the hub started one, so it stops after the driver closes. */
    record EmbeddedNeo4jServer(EmbeddedNeo4j server) implements AutoCloseable {
        static EmbeddedNeo4jServer none() {
            return new EmbeddedNeo4jServer(null);
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
