package org.batchledger.ingest.animl;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The values of one Series or Parameter as text, bounded: up to {@link #MAX_KEPT} values are kept (a result's
 * value is their space-separated text); beyond that only the count, and the result points at the raw data.
 */
final class SeriesValues {
    static final int MAX_KEPT = 1000;
    private final List<String> kept = new ArrayList<>();
    private long count;
    String problem;

    void add(String value) {
        count++;
        if (kept.size() < MAX_KEPT) {
            kept.add(value.strip());
        }
    }

    long count() {
        return count;
    }

    boolean truncated() {
        return count > kept.size();
    }

    String text() {
        return count == 0 || truncated() ? null : String.join(" ", kept);
    }

    /** AutoIncrementedValueSet: start + i × increment for i in startIndex..endIndex (exact decimal arithmetic). */
    void autoIncremented(String start, String increment, String startIndex, String endIndex) {
        try {
            BigDecimal s = new BigDecimal(start.strip());
            BigDecimal inc = new BigDecimal(increment.strip());
            long from = startIndex == null ? 0 : Long.parseLong(startIndex.strip());
            long to = Long.parseLong(endIndex.strip());
            long n = to - from + 1;
            for (long i = 0; i < Math.min(n, MAX_KEPT + 1L); i++) {
                add(s.add(inc.multiply(BigDecimal.valueOf(i))).toPlainString());
            }
            count += Math.max(0, n - (MAX_KEPT + 1L)); // the rest only counted: a huge endIndex is no loop
        } catch (NumberFormatException | NullPointerException e) {
            problem = "an AutoIncrementedValueSet needs numeric StartValue and Increment and an endIndex";
        }
    }

    /** EncodedValueSet: base64 of little-endian binary values of the series type (AnIML core 0.90). */
    void encoded(String base64, String seriesType) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            problem = "the EncodedValueSet is not base64";
            return;
        }
        int width = switch (seriesType == null ? "" : seriesType) {
            case "Int32", "Float32" -> 4;
            case "Int64", "Float64" -> 8;
            default -> 0;
        };
        if (width == 0 || bytes.length % width != 0) {
            problem = "an EncodedValueSet of " + bytes.length + " bytes cannot hold " + seriesType + " values";
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= width) {
            add(switch (seriesType) {
                case "Int32" -> Integer.toString(b.getInt());
                case "Int64" -> Long.toString(b.getLong());
                case "Float32" -> Float.toString(b.getFloat());
                default -> Double.toString(b.getDouble());
            });
        }
    }
}
