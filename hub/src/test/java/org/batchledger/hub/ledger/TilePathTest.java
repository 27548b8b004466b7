package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** tlog-tiles paths: three-digit groups, x on all but the last, {@code .p/W} for a partial tile. */
@Tag("REQ-LEDGER-014")
class TilePathTest {

    @Test
    void groupedIndexesPartialWidthsAndBundlesParse() {
        assertThat(TilePath.parse("0/000")).isEqualTo(new TilePath(0, 0, 256));
        assertThat(TilePath.parse("3/x001/x234/067.p/8")).isEqualTo(new TilePath(3, 1_234_067, 8));
        assertThat(TilePath.parse("entries/x001/000")).isEqualTo(new TilePath(TilePath.ENTRIES, 1000, 256));
        assertThat(TilePath.parse("entries/005.p/255")).isEqualTo(new TilePath(TilePath.ENTRIES, 5, 255));
        assertThat(TilePath.parse("1/002.p/1").partial()).isTrue();
    }

    @Test
    void anythingElseIsRefusedNamingThePart() {
        assertThatThrownBy(() -> TilePath.parse("0/x000")).hasMessageContaining("'x000'");
        assertThatThrownBy(() -> TilePath.parse("0/1234")).hasMessageContaining("'1234'");
        assertThatThrownBy(() -> TilePath.parse("0/000.p/256")).hasMessageContaining("partial width '256'");
        assertThatThrownBy(() -> TilePath.parse("0/000.p/07")).hasMessageContaining("partial width '07'");
        assertThatThrownBy(() -> TilePath.parse("01/000")).hasMessageContaining("level '01'");
        assertThatThrownBy(() -> TilePath.parse("data/000")).hasMessageContaining("level 'data'");
        assertThatThrownBy(() -> TilePath.parse("0")).isInstanceOf(MalformedTilePathException.class);
    }
}
