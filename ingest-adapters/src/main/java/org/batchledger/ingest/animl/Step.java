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

    /** The step's method, falling back to the technique's name. */
    String methodText() {
        return blankToNull(method) != null ? method.strip() : blankToNull(technique);
    }

    /** "device (serial)", as the step's Device names it; null when it names none. */
    String deviceText() {
        String d = blankToNull(device);
        String s = blankToNull(serial);
        return d == null ? s : s == null ? d : d + " (" + s + ")";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
