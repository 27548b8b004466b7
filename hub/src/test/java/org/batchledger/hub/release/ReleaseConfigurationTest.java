package org.batchledger.hub.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.schema.release.InvalidSpecificationException;
import org.batchledger.schema.release.Specifications;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's specification file: absent means none; a bad one refuses the start naming the file and the problem. */
@Tag("REQ-RELEASE-032")
class ReleaseConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void anAbsentFileMeansNoSpecifications() {
        assertThat(ReleaseConfiguration.read(dir.resolve("specifications.json"))).isSameAs(Specifications.NONE);
    }

    @Test
    void theTestFileIsRead() {
        assertThat(ReleaseConfiguration.read(ReleaseTestBase.SPECIFICATIONS).of("rp:MAT-TAB")).isPresent();
    }

    @Test
    void aDuplicateProductOrBadJsonRefusesNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("specifications.json"), """
                {"specifications": [{"product": "P", "version": "1"}, {"product": "P", "version": "2"}]}""");
        assertThatThrownBy(() -> ReleaseConfiguration.read(file)).isInstanceOf(InvalidSpecificationException.class)
                .hasMessage(file + ": product P is specified twice");

        Files.writeString(file, "{\"specifications\": [{");
        assertThatThrownBy(() -> ReleaseConfiguration.read(file)).hasMessageStartingWith(file + ": ");
    }
}
