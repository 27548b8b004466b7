package org.batchledger.verifier.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile archive is refused before anything in it is read as evidence. */
@Tag("REQ-EVIDENCE-017")
class EvidencePackageTest {
    @TempDir
    Path dir;

    private Path zip(Map<String, String> files) throws Exception {
        Path zip = dir.resolve("p" + System.nanoTime() + ".zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void readsPlainPathsAndSkipsDirectoryEntries() throws Exception {
        EvidencePackage p = EvidencePackage.read(zip(Map.of("records/", "", "records/1.json", "{}",
                "manifest.json", "{}")));
        assertThat(p.files().keySet()).containsExactly("manifest.json", "records/1.json");
    }

    @Test
    void refusesTraversalAbsoluteAndBackslashNames() throws Exception {
        for (String name : new String[] {"../x", "/etc/x", "a\\b", "a/./b", "a//b", "C:x"}) {
            Path zip = zip(Map.of(name, "x"));
            assertThatThrownBy(() -> EvidencePackage.read(zip)).as(name)
                    .isInstanceOf(EvidencePackage.UnsafePackageException.class)
                    .hasMessageContaining("not a plain relative path");
        }
    }

    @Test
    void refusesWhatIsNoZipAtAll() throws Exception {
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        assertThatThrownBy(() -> EvidencePackage.read(junk)).isInstanceOf(EvidencePackage.UnsafePackageException.class);
    }
}
