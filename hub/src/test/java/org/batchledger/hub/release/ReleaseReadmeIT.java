package org.batchledger.hub.release;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's releaseReadiness example is what the hub answers for the blocked fixture, and its ALCOA+ request
 * answers for it (README examples run).
 */
@Tag("REQ-RELEASE-004")
class ReleaseReadmeIT extends ReleaseTestBase {
    private static final String MARK = "<!-- release-readiness-example -->";

    @Test
    void theReadmesBlockedBatchIsTheHubsAnswer() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf(MARK);
        assertThat(mark).as("README marks its release readiness example").isPositive();
        String request = block(readme, mark, "```graphql");
        JsonObject answer = Json.createReader(new StringReader(block(readme, mark, "```json"))).readObject();
        write(ReleasePlant.blocked());

        JsonObject actual = graphql().post(releaser(), request).body();

        assertThat(actual.toString()).isEqualTo(answer.toString());
    }

    @Test
    @Tag("REQ-RELEASE-003")
    void theReadmesAlcoaRequestAnswersForTheBlockedBatchWithAllTenPrinciples() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf("<!-- release-alcoa-example -->");
        assertThat(mark).as("README marks its ALCOA+ example").isPositive();
        write(ReleasePlant.blocked());

        JsonObject actual = graphql().post(releaser(), block(readme, mark, "```graphql")).body();

        assertThat(actual.containsKey("errors")).as("%s", actual).isFalse();
        JsonObject alcoa = actual.getJsonObject("data").getJsonObject("alcoa");
        assertThat(alcoa.getString("ruleSetVersion")).isNotBlank();
        assertThat(alcoa.getJsonArray("principles")).hasSize(10);
        assertThat(actual.getJsonObject("data").getJsonArray("alcoaRules")).isNotEmpty();
    }

    private static String block(String text, int from, String fence) {
        int start = text.indexOf(fence, from) + fence.length();
        return text.substring(start, text.indexOf("```", start)).strip();
    }
}
