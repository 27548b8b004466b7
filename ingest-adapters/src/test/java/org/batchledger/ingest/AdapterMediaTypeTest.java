package org.batchledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every installed adapter names its format's media type, which an ingested file's SourceFile carries. */
@Tag("REQ-INGEST-320")
class AdapterMediaTypeTest {

    @Test
    void everyInstalledAdapterNamesTheMediaTypeOfItsFormat() {
        Map<String, String> types = new TreeMap<>();
        Adapters.installed().all().forEach(a -> types.put(a.name(), a.mediaType()));

        assertThat(types).containsEntry("lims-csv", "text/csv").containsEntry("asm", "application/json")
                .containsEntry("canonical", "application/json").containsEntry("b2mml", "application/xml")
                .containsEntry("batchml", "application/xml").containsEntry("animl", "application/xml")
                .containsEntry("document", "application/octet-stream");
    }
}
