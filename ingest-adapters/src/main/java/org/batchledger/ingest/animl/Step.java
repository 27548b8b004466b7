package org.batchledger.ingest.animl;

/** What an ExperimentStep says about the results inside it; filled as its children stream past. */
final class Step {
    final String id;
    String technique;
    String method;
    String author;
    String device;
    String serial;
    String timestamp;
    String sampleRef;

    Step(String id) {
        this.id = id;
    }

    /** "method @ device (serial)", the method falling back to the technique's name. */
    String methodText() {
        String m = blankToNull(method) != null ? method : blankToNull(technique);
        String d = blankToNull(device);
        if (d != null && blankToNull(serial) != null) {
            d = d + " (" + serial + ")";
        }
        if (d == null) {
            return m;
        }
        return m == null ? "@ " + d : m + " @ " + d;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
