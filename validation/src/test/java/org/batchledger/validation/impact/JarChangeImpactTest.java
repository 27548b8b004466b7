package org.batchledger.validation.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batchledger.validation.TestProject.A;
import static org.batchledger.validation.TestProject.B;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.batchledger.validation.TestProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change impact between two built hub jars (Spring Boot layout), written here as the build would lay them out. */
@Tag("REQ-VALIDATION-009")
class JarChangeImpactTest {
    @TempDir
    Path dir;

    @Test
    void changedClassesSdlAndLibrariesAreMappedToTheirRequirements() throws IOException {
        new TestProject(dir).standard();
        Path a = hubJar("a.jar", "type Query { batch: Batch } type Batch { id: ID! status: String! }", new byte[] {1},
                "lib-1.0.jar");
        Path b = hubJar("b.jar", "type Query { batch: Batch } type Batch { id: ID! }", new byte[] {2},
                "lib-1.1.jar");
        ChangeImpact impact = ChangeImpact.betweenJars(dir, a, b);
        assertThat(impact.files()).containsExactly("hub/src/main/java/a/Api.java",
                "schema/src/main/resources/graphql/record.graphqls");
        assertThat(impact.schema()).extracting(SchemaChanges.Change::level, SchemaChanges.Change::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BREAKING", "Batch.status"));
        assertThat(impact.dependencies()).containsExactly(new Dependencies.Change("BOOT-INF/lib", "library lib",
                "1.0", "1.1"));
        assertThat(impact.ruleNotes()).allSatisfy(n -> assertThat(n).contains("holds no schema and lineage-graph"));
        assertThat(impact.impacted()).containsKeys(A);
        assertThat(impact.impacted().get(A)).contains("schema BREAKING Batch.status");
        assertThat(impact.impacted()).doesNotContainKey(B);
    }

    @Test
    void aChangedProofKernelClassIsASourceChangeNotALibraryUpgrade() throws IOException {
        new TestProject(dir).standard();
        Path a = withKernel("a.jar", new byte[] {1});
        Path b = withKernel("b.jar", new byte[] {2});
        ChangeImpact impact = ChangeImpact.betweenJars(dir, a, b);
        assertThat(impact.files()).containsExactly(
                "verifier/src/main/java/org/batchledger/verifier/proof/ProofVerifier.java");
        assertThat(impact.dependencies()).isEmpty();
    }

    private Path withKernel(String name, byte[] proofVerifierClass) throws IOException {
        Map<String, byte[]> kernel = new TreeMap<>();
        kernel.put("org/batchledger/verifier/proof/ProofVerifier.class", proofVerifierClass);
        Map<String, byte[]> outer = new TreeMap<>();
        outer.put("BOOT-INF/classes/a/Api.class", new byte[] {1});
        outer.put("BOOT-INF/lib/verifier-0.1.0-SNAPSHOT.jar", jarBytes(kernel));
        Path jar = dir.resolve(name);
        write(jar, outer);
        return jar;
    }

    @Test
    void theSameJarTwiceImpactsNothingAndAJarThatIsNoHubJarIsRefused() throws IOException {
        new TestProject(dir).standard();
        Path a = hubJar("a.jar", "type Query { x: Int }", new byte[] {1}, "lib-1.0.jar");
        assertThat(ChangeImpact.betweenJars(dir, a, a).noRequirementImpacted()).isTrue();
        Path plain = dir.resolve("plain.jar");
        write(plain, Map.of("readme.txt", "x".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ChangeImpact.betweenJars(dir, a, plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a built hub jar");
    }

    private Path hubJar(String name, String sdl, byte[] apiClass, String library) throws IOException {
        Map<String, byte[]> schema = new TreeMap<>();
        schema.put("graphql/record.graphqls", sdl.getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> outer = new TreeMap<>();
        outer.put("BOOT-INF/classes/a/Api.class", apiClass);
        outer.put("BOOT-INF/classes/a/Api$Inner.class", new byte[] {9});
        outer.put("BOOT-INF/lib/schema-0.1.0.jar", jarBytes(schema));
        outer.put("BOOT-INF/lib/" + library, new byte[] {0});
        Path jar = dir.resolve(name);
        write(jar, outer);
        return jar;
    }

    private static void write(Path jar, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write(jarBytes(entries));
        }
    }

    private static byte[] jarBytes(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
