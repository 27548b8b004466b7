package org.batchledger.verifier.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The verifier's own JSON reader reads RFC 8259 and refuses what a lenient parser would guess at. */
@Tag("REQ-EVIDENCE-017")
class JsonTest {
    private static Object parse(String text) throws Json.JsonException {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() throws Exception {
        Object v = parse(" {\"a\": [1, -2.5e3, \"x\\u00e9\\n\", true, false, null], \"b\": {}} ");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"),
                "xé\n", true, false, null), "b", Map.of()));
        assertThat(Fields.same(new BigDecimal("1.0"), new BigDecimal("1"))).isTrue();
        assertThat(Fields.same(List.of("a"), List.of("b"))).isFalse();
    }

    @Test
    void refusesDuplicateMembersTrailingTextLeadingZerosAndLoneSurrogates() {
        for (String bad : List.of("{\"a\":1,\"a\":2}", "{} x", "[01]", "\"\\ud800\"", "[1,]", "{'a':1}", "\"a\u0001\"",
                "NaN", "[1.]", "")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(Json.JsonException.class);
        }
    }

    @Test
    void refusesInvalidUtf8AndNestingBeyondTheLimit() {
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xC3, '"'})).hasMessageContaining("UTF-8");
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nested deeper than");
    }
}
