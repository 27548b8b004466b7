package org.batchledger.hub.release;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub with the release plant's specification file, and a way to write the plant and sign a checkpoint. */
abstract class ReleaseTestBase extends HubTestBase {
    static final Path SPECIFICATIONS = Path.of("src/test/resources/release/specifications.json");

    @DynamicPropertySource
    static void specifications(DynamicPropertyRegistry registry) {
        registry.add("batchledger.release.specifications", () -> SPECIFICATIONS.toAbsolutePath().toString());
    }

    /** An empty ledger with the plant written into it and a checkpoint signed over it by the hub. */
    void write(ReleasePlant plant) {
        cleanLedger();
        plant.write(NEO4J.writer());
        ok(graphql().post(inspector(), "{ ledgerCheckpoint { treeSize } }"));
    }

    static String releaser() {
        return TOKENS.forUser("releaser", "qa-release");
    }

    static JsonObject ok(Response r) {
        if (r.status() != 200 || r.hasErrors()) {
            throw new AssertionError("GraphQL answered " + r.status() + ": " + r.body());
        }
        return r.body().getJsonObject("data");
    }
}
