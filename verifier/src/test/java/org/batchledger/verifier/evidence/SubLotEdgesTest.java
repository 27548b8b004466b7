package org.batchledger.verifier.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-GENEALOGY-010: the offline verifier derives a lot → sub-lot edge from the sub-lot's Lot record naming its
 * parentLotKey, existing from the later of the two lots' first entries, and re-walks it like the genealogy records.
 * The package: sub-lot D1 (entry 2) before its lot API (entry 3), D1 consumed in batch GRAN (entry 4), D1's status
 * corrected (entry 5, a second version naming the same parent); a Lot record whose content hash does not match its
 * entry declares nothing.
 */
@Tag("REQ-GENEALOGY-010")
class SubLotEdgesTest {
    @TempDir
    Path dir;

    @Test
    void aSubLotsLotRecordDeclaresTheLinkFromItsLotOnceBothAreRecorded() throws Exception {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("2|Lot|s:D1", "{\"key\":\"s:D1\",\"parentLotKey\":\"s:API\",\"status\":\"IN_STOCK\"}");
        records.put("3|Lot|s:API", "{\"key\":\"s:API\",\"status\":\"IN_STOCK\"}");
        records.put("4|CONSUMED_IN|s:c1", "{\"batchKey\":\"s:GRAN\",\"key\":\"s:c1\",\"lotKey\":\"s:D1\"}");
        records.put("5|Lot|s:D1", "{\"key\":\"s:D1\",\"parentLotKey\":\"s:API\",\"status\":\"CONSUMED\"}");
        records.put("6|Lot|s:D9", "{\"key\":\"s:D9\",\"parentLotKey\":\"s:API\",\"status\":\"IN_STOCK\"}");
        Bundle b = bundle(records, "6");

        assertThat(GenealogyCheck.declaredEdges(b)).containsExactlyInAnyOrder(
                new GenealogyCheck.Edge("Lot:s:API", "Lot:s:D1", 3),
                new GenealogyCheck.Edge("Lot:s:D1", "Batch:s:GRAN", 4));
        GenealogyCheck.Walk down = GenealogyCheck.walk("Lot:s:API", GenealogyCheck.declaredEdges(b), 100, true, 50,
                1_000);
        assertThat(down.nodes()).containsExactly("Batch:s:GRAN", "Lot:s:API", "Lot:s:D1");
        assertThat(down.hops()).containsEntry("Batch:s:GRAN", 2);
        assertThat(GenealogyCheck.walk("Batch:s:GRAN", GenealogyCheck.declaredEdges(b), 100).nodes())
                .containsExactly("Batch:s:GRAN", "Lot:s:API", "Lot:s:D1");
        assertThat(GenealogyCheck.walk("Lot:s:API", GenealogyCheck.declaredEdges(b), 2, true, 50, 1_000).nodes())
                .containsExactly("Lot:s:API");
    }

    /** A package of the given records ({@code seq|type|key} → canonical JSON); {@code forged}: a hash that lies. */
    private Bundle bundle(Map<String, String> records, String forged) throws Exception {
        Path zip = dir.resolve("p.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var r : records.entrySet()) {
                String[] p = r.getKey().split("\\|");
                byte[] body = r.getValue().getBytes(StandardCharsets.UTF_8);
                String hash = p[0].equals(forged) ? "00".repeat(32) : Bundle.sha256(body);
                put(z, "records/" + p[0] + ".json", body);
                put(z, "entries/" + p[0] + ".json", ("{\"seq\":" + p[0] + ",\"entityType\":\"" + p[1]
                        + "\",\"entityKey\":\"" + p[2] + "\",\"contentHash\":\"" + hash + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        Bundle b = new Bundle(EvidencePackage.read(zip), Map.of());
        b.readEntries();
        return b;
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
