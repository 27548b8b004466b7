package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * REQ-API-006, read-your-writes: the bookmarks a mutation returns are accepted back on a later
 * request (header X-Batchledger-Bookmarks or extensions.bookmarks), every read of that request waits for them, and
 * a malformed or unknown bookmark is a BAD_REQUEST naming it.
 */
@Tag("REQ-API-006")
class ReadYourWritesIT extends HubTestBase {
    private static final String CORRECT = """
            mutation { correct(id: "Lot:t:LOT-OUT", reason: "weighing transcription error",
                changes: [{field: "quantity", value: "117.5"}]) { version } }""";
    private static final String READ = """
            { lot(id: "Lot:t:LOT-OUT") { quantity producedBy { key inputs { key lot { quantity material { name } } } } } }""";

    @Autowired
    GraphDatabase db;

    @BeforeEach
    void oneStep() {
        cleanLedger();
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void aMutationsBookmarksSentBackInTheHeaderAreAcceptedAndTheReadSeesTheWrite() {
        JsonArray bookmarks = correct();
        String header = bookmarks.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).collect(Collectors.joining(", "));

        Response read = graphql().post(inspector(), READ, Map.of(), Map.of("X-Batchledger-Bookmarks", header), null);

        assertThat(read.hasErrors()).as("%s", read.body()).isFalse();
        assertThat(read.at("/data/lot/quantity").toString()).isEqualTo("117.5");
    }

    @Test
    void aMutationsBookmarksSentBackInTheRequestExtensionsAreAcceptedAndEveryReadOfTheRequestWaitsForThem() {
        JsonArray bookmarks = correct();
        long before = db.roundTrips();
        long waitedBefore = db.roundTripsAfterBookmarks();

        Response read = graphql().post(inspector(), READ, Map.of(), Map.of(),
                Json.createObjectBuilder().add("bookmarks", bookmarks).build());

        assertThat(read.hasErrors()).as("%s", read.body()).isFalse();
        assertThat(read.at("/data/lot/quantity").toString()).isEqualTo("117.5");
        long queries = db.roundTrips() - before;
        assertThat(queries).as("the lot, its producer, inputs, their lots and materials").isGreaterThanOrEqualTo(5);
        assertThat(db.roundTripsAfterBookmarks() - waitedBefore).as("data fetchers and DataLoader batches alike")
                .isEqualTo(queries);
    }

    @Test
    void aRequestWithoutBookmarksWaitsForNoneEvenAfterOneWithBookmarks() {
        JsonArray bookmarks = correct();
        graphql().post(inspector(), READ, Map.of(), Map.of(), Json.createObjectBuilder().add("bookmarks", bookmarks).build());
        long waitedBefore = db.roundTripsAfterBookmarks();

        Response read = graphql().post(inspector(), READ);

        assertThat(read.hasErrors()).as("%s", read.body()).isFalse();
        assertThat(db.roundTripsAfterBookmarks()).as("no bookmark scope leaks into later requests").isEqualTo(waitedBefore);
    }

    @Test
    void aGarbageBookmarkIsABadRequestNamingIt() {
        Response inHeader = graphql().post(inspector(), READ, Map.of(), Map.of("X-Batchledger-Bookmarks", "garbage"), null);
        Response unknown = graphql().post(inspector(), READ, Map.of(), Map.of(),
                Json.createObjectBuilder().add("bookmarks", Json.createArrayBuilder().add("Zm9vYmFy")).build());
        Response notAList = graphql().post(inspector(), READ, Map.of(), Map.of(),
                Json.createObjectBuilder().add("bookmarks", 42).build());

        assertThat(inHeader.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(inHeader)).contains("bookmark 'garbage'");
        assertThat(inHeader.body().get("data")).as("nothing ran").isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(unknown.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(unknown)).contains("bookmark 'Zm9vYmFy'");
        assertThat(notAList.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(notAList)).contains("extensions.bookmarks");
    }

    private JsonArray correct() {
        Response r = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT);
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        JsonArray bookmarks = r.body().getJsonObject("extensions").getJsonArray("bookmarks");
        assertThat(bookmarks).isNotEmpty();
        return bookmarks;
    }

    private static String message(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getString("message");
    }
}
