package org.batchledger.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's sign request is what the hub answers (every README example is run by a test). */
@Tag("REQ-SIGNATURE-005")
class SigningReadmeIT extends HubTestBase {
    private static final String MARK = "<!-- sign-example -->";

    @Test
    void theReadmesSignRequestSignsABatchAsReviewedByAReviewerWhoJustLoggedIn() throws Exception {
        cleanLedger();
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "batch record"));

        Response r = graphql().post(TOKENS.authenticatedAt(Instant.now(), "reviewer", "qa-reviewer"), readmeExample(),
                Json.createObjectBuilder().add("record", "Batch:t:B").build());

        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        assertThat(r.at("/data/sign/meaning").toString()).isEqualTo("\"REVIEWED\"");
        assertThat(r.at("/data/sign/printedName").toString()).isEqualTo("\"Demo reviewer\"");
        assertThat(r.at("/data/sign/signs/id").toString()).isEqualTo("\"Batch:t:B\"");
        assertThat(r.at("/data/sign/reason").toString()).isEqualTo("\"batch record reviewed, no open exceptions\"");
    }

    private static String readmeExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf(MARK);
        assertThat(mark).as("README marks its sign example").isPositive();
        int start = readme.indexOf("```graphql", mark) + "```graphql".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
