package org.batchledger.schema.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Product specifications read from JSON: what a batch must show, by product; bad files name the file and why. */
@Tag("REQ-RELEASE-032")
class SpecificationsTest {
    private static Specifications read(String json) {
        return Specifications.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "specs.json");
    }

    @Test
    void readsTestsAndStepsByProduct() {
        Specifications specs = read("""
                {"specifications": [{"product": "plant:MAT-TAB", "version": "3", "tests": ["Assay", "Dissolution"],
                  "steps": ["compression", "coating"]}]}""");

        ProductSpecification tab = specs.of("plant:MAT-TAB").orElseThrow();
        assertThat(tab.version()).isEqualTo("3");
        assertThat(tab.tests()).containsExactly("Assay", "Dissolution");
        assertThat(tab.steps()).containsExactly("compression", "coating");
        assertThat(specs.of("plant:OTHER")).isEmpty();
    }

    @Test
    void aProductSpecifiedTwiceIsRefusedByName() {
        assertThatThrownBy(() -> read("""
                {"specifications": [{"product": "P", "version": "1"}, {"product": "P", "version": "2"}]}"""))
                .isInstanceOf(InvalidSpecificationException.class)
                .hasMessage("specs.json: product P is specified twice");
        assertThatThrownBy(() -> new Specifications(List.of(new ProductSpecification("P", "1", null, null),
                new ProductSpecification("P", "1", null, null)))).hasMessage("product P is specified twice");
    }

    @Test
    void badJsonOrAMissingArrayOrVersionNamesTheFile() {
        assertThatThrownBy(() -> read("{\"specifications\": [")).isInstanceOf(InvalidSpecificationException.class)
                .hasMessageStartingWith("specs.json: ");
        assertThatThrownBy(() -> read("{}")).hasMessage("specs.json: no \"specifications\" array");
        assertThatThrownBy(() -> read("{\"specifications\": [{\"product\": \"P\"}]}"))
                .hasMessage("specs.json: specification of P has no version");
    }
}
