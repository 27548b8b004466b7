package org.batchledger.schema.record;

import java.time.Instant;

/**
 * A LIMS result on a lot or a batch, with specification limits and the outcome (OOS = out of specification).
 *
 * @param subject  the lot or batch tested; null while an ingested result names only a sample the hub does not know
 *                 yet (it is linked when that lot or batch arrives)
 * <p>A result as the hub reads it and as the source wrote it are kept apart: {@code value} is what the hub reads,
 * {@code qualifier} says how to read it, {@code rawValue} is the evidence. The convention, for every adapter:
 * <table>
 * <caption>value, qualifier and rawValue</caption>
 * <tr><th>source wrote</th><th>value</th><th>qualifier</th><th>rawValue</th></tr>
 * <tr><td>{@code 99.2}</td><td>{@code 99.2}</td><td>null</td><td>{@code 99.2}</td></tr>
 * <tr><td>{@code <0.05}</td><td>{@code 0.05}</td><td>{@code <}</td><td>{@code <0.05}</td></tr>
 * <tr><td>{@code ≥ 5}</td><td>{@code 5}</td><td>{@code >=}</td><td>{@code ≥ 5}</td></tr>
 * <tr><td>{@code <LOQ}</td><td>null</td><td>{@code <LOQ}</td><td>{@code <LOQ}</td></tr>
 * <tr><td>{@code ND}</td><td>null</td><td>{@code ND}</td><td>{@code ND}</td></tr>
 * <tr><td>{@code 1,23} (decimal comma)</td><td>{@code 1.23}</td><td>null</td><td>{@code 1,23}</td></tr>
 * <tr><td>{@code Error}</td><td>null</td><td>null</td><td>{@code Error}</td></tr>
 * </table>
 *
 * @param subject    the lot or batch tested; null while an ingested result names only a sample the hub does not know
 *                   yet (it is linked when that lot or batch arrives)
 * @param sampleId   the source's sample identifier, as recorded; null for results entered against a known subject
 * @param method     the analytical method (procedure), never the instrument
 * @param value      the value the hub reads: a plain decimal number as text (decimal point, significant digits as
 *                   written) or a list of them (a series); null when the source gave no number
 * @param instrument the instrument or device that measured (ASM device system document, AnIML Device, the LIMS
 *                   {@code instrument} column); null when the source names none
 * @param qualifier  how to read {@code value}, null for a plain number: a comparison ({@code <}, {@code <=},
 *                   {@code >}, {@code >=}; {@code ≤}/{@code ≥} normalised) bounding the number in {@code value}, or,
 *                   with no number, a limit word with the comparison the source gave ({@code <LOQ}, {@code >ULOQ},
 *                   {@code ND}; words upper case)
 * @param rawValue   the result exactly as the source wrote it ({@code <0.05}, {@code <LOQ}, {@code Error},
 *                   {@code 1,23}); null when the source wrote nothing. A qualifier the source kept in a column of its
 *                   own is in {@code qualifier}, not here
 */
public record TestResult(String key, RecordRef subject, String sampleId, String test, String method, String value, String unit,
                         Double lowerLimit, Double upperLimit, TestOutcome outcome, Instant testedAt, String analyst,
                         Provenance provenance, String instrument, String qualifier, String rawValue)
        implements LedgerRecord {
    public enum TestOutcome { PASS, OOS, PENDING, INVALIDATED }

    /** The canonical constructor is the one JSON binding uses (there is a second one without the newer fields). */
    @jakarta.json.bind.annotation.JsonbCreator
    public TestResult {
        testedAt = Instants.millis(testedAt);
    }

    /**
     * A result without instrument, qualifier and raw value (generated plants, tests); its canonical bytes are those of
     * a result recorded before these fields existed.
     */
    public TestResult(String key, RecordRef subject, String sampleId, String test, String method, String value,
                      String unit, Double lowerLimit, Double upperLimit, TestOutcome outcome, Instant testedAt,
                      String analyst, Provenance provenance) {
        this(key, subject, sampleId, test, method, value, unit, lowerLimit, upperLimit, outcome, testedAt, analyst,
                provenance, null, null, null);
    }

    /** The result for a reader: qualifier and value ({@code <0.05}, {@code <LOQ}), else what the source wrote. */
    public String reading() {
        if (value == null) {
            return qualifier != null ? qualifier : rawValue;
        }
        return qualifier == null ? value : qualifier + value;
    }

    @Override
    public RecordType type() {
        return RecordType.TEST_RESULT;
    }
}
