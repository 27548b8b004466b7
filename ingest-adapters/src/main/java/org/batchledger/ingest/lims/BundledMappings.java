package org.batchledger.ingest.lims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Mappings shipped with the adapter for instrument exports (resources {@code mappings/*.yaml} beside this class),
 * chosen by their header signature when an upload names no mapping.
 */
final class BundledMappings {
    static final List<String> NAMES = List.of("thermo-fisher-qubit4.yaml", "novabio-flex2.yaml");
    private static final List<CsvMapping> ALL = NAMES.stream().map(BundledMappings::load).toList();

    private BundledMappings() {
    }

    /**
     * The bundled mapping whose signature the header has, without its zone: a zone in a shipped file is an
     * assumption, so a file chosen by content alone still needs times with offsets or an uploaded mapping.
     */
    static CsvMapping matching(String header) {
        return ALL.stream().filter(m -> LimsCsvAdapter.delimiterOf(header, m.signature()) == m.delimiter())
                .findFirst().map(m -> new CsvMapping(m.name(), m.delimiter(), m.decimalComma(), null, m.timeFormat(),
                        m.encoding(), m.strict(), m.signature(), m.units(), m.results())).orElse(null);
    }

    static byte[] bytes(String name) {
        try (InputStream in = BundledMappings.class.getResourceAsStream("mappings/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled mapping missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvMapping load(String name) {
        return MappingReader.read(bytes(name));
    }
}
