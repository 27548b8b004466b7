package org.batchledger.ingest.animl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;

/**
 * One StAX pass over an AnIML document. Memory holds the open elements, the current step and sample, and at most
 * {@link SeriesValues#MAX_KEPT} values of the current series.
 */
final class AnimlReader {
    private static final Set<String> VALUES = Set.of("I", "L", "F", "D", "S", "Boolean", "DateTime");
    private static final Set<String> CAPTURED = Set.of("I", "L", "F", "D", "S", "Boolean", "DateTime",
            "EncodedValueSet", "Timestamp", "Name", "SerialNumber", "DeviceIdentifier");
    private static final int MAX_TEXT = 8 * 1024 * 1024;

    /** An open element: its name, its XPath, how many children of each name it has had so far. */
    private record Frame(String name, String xpath, Map<String, Integer> children) {
    }

    private final XMLStreamReader r;
    private final IngestContext context;
    private final RecordSink sink;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Deque<Step> steps = new ArrayDeque<>();
    private final Deque<String> names = new ArrayDeque<>();
    private final Set<String> keys = new HashSet<>();
    private final StringBuilder text = new StringBuilder();
    private boolean capturing;
    private boolean textTooLong;
    private String sampleId;
    private RecordRef sampleSubject;
    private int templates;
    private int methods;
    private Values values;
    private String autoStart;
    private String autoIncrement;
    private String autoFrom;
    private String autoTo;
    private boolean warnedTime;

    /** The Series or Parameter being read. */
    private static final class Values {
        final String name;
        final String type;
        final String xpath;
        final SeriesValues data = new SeriesValues();
        String unit;
        String encoding;

        Values(String name, String type, String xpath) {
            this.name = name;
            this.type = type;
            this.xpath = xpath;
        }
    }

    AnimlReader(XMLStreamReader r, IngestContext context, RecordSink sink) {
        this.r = r;
        this.context = context;
        this.sink = sink;
    }

    void run() throws XMLStreamException {
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> characters();
                case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE not accepted", r.getLocation());
                default -> {
                }
            }
        }
    }

    private void start() throws XMLStreamException {
        String name = r.getLocalName();
        Frame parent = open.peek();
        if (parent == null) {
            root(name);
        }
        if (!AnimlStructure.NAMESPACE.equals(r.getNamespaceURI()) && parent != null) {
            skipForeign();
            return;
        }
        String xpath = parent == null ? "/" + name
                : parent.xpath() + "/" + name + "[" + parent.children().merge(name, 1, Integer::sum) + "]";
        check(name, parent, xpath);
        open.push(new Frame(name, xpath, new HashMap<>()));
        if (CAPTURED.contains(name)) {
            capturing = true;
            textTooLong = false;
            text.setLength(0);
        }
        opened(name, xpath);
    }

    private void root(String name) {
        if (!name.equals("AnIML") || !AnimlStructure.NAMESPACE.equals(r.getNamespaceURI())) {
            throw invalid("/" + name, "ANIML-NAMESPACE", "the root must be AnIML in namespace "
                    + AnimlStructure.NAMESPACE + ", not " + name + " in '" + r.getNamespaceURI() + "'");
        }
    }

    /** Elements of other namespaces (XML signatures, vendor extensions) are passed over whole. */
    private void skipForeign() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int e = r.next();
            depth += e == XMLStreamConstants.START_ELEMENT ? 1 : e == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    private void check(String name, Frame parent, String xpath) {
        Set<String> allowed = AnimlStructure.allowedParents(name);
        if (allowed != null && (parent == null || !allowed.contains(parent.name()))) {
            throw invalid(xpath, "ANIML-STRUCTURE", name + " must be inside " + String.join(" or ", allowed.stream()
                    .sorted().toList()) + ", not " + (parent == null ? "at the root" : parent.name()));
        }
    }

    private void opened(String name, String xpath) {
        switch (name) {
            case "Sample" -> {
                sampleId = Step.blankToNull(attr("sampleID"));
                sampleSubject = null;
            }
            case "Tag" -> tag();
            case "ExperimentStep" -> steps.push(new Step(Step.blankToNull(attr("experimentStepID"))));
            case "Template" -> {
                templates++;
                steps.push(new Step(null)); // a template's method and timestamp must not reach the enclosing step
            }
            case "Technique" -> step().technique = attr("name");
            case "Method" -> {
                methods++;
                step().method = attr("name");
            }
            case "SampleReference" -> {
                if (step().sampleRef == null) {
                    step().sampleRef = Step.blankToNull(attr("sampleID"));
                }
            }
            case "Result", "Category", "SeriesSet" -> names.push(name + ":" + nameOf(attr("name"), name));
            case "Series" -> values = new Values(nameOf(attr("name"), attr("seriesID")), attr("seriesType"), xpath);
            case "Parameter" -> values = new Values(nameOf(attr("name"), "parameter"), attr("parameterType"), xpath);
            case "AutoIncrementedValueSet" -> {
                autoStart = null;
                autoIncrement = null;
                autoFrom = attr("startIndex");
                autoTo = attr("endIndex");
            }
            case "Unit" -> {
                if (values != null) {
                    values.unit = Step.blankToNull(attr("label"));
                }
            }
            default -> {
            }
        }
    }

    private void end() {
        Frame frame = open.pop();
        String name = frame.name();
        String captured = capturing && CAPTURED.contains(name) ? text.toString() : null;
        if (captured != null) {
            capturing = false;
        }
        switch (name) {
            case "Sample" -> sampleId = null;
            case "ExperimentStep" -> steps.pop();
            case "Template" -> {
                templates--;
                steps.pop();
            }
            case "Method" -> methods--;
            case "Result", "Category", "SeriesSet" -> names.pop();
            case "Series", "Parameter" -> {
                emit();
                values = null;
            }
            case "AutoIncrementedValueSet" -> {
                if (values != null) {
                    values.data.autoIncremented(autoStart, autoIncrement, autoFrom, autoTo);
                }
            }
            default -> leaf(name, captured, open.peek());
        }
    }

    private void leaf(String name, String captured, Frame parent) {
        if (captured == null || parent == null) {
            return;
        }
        if (textTooLong) {
            if (values != null) {
                values.data.problem = "the " + name + " is longer than " + MAX_TEXT + " characters; kept by reference";
            }
            return;
        }
        switch (name) {
            case "EncodedValueSet" -> {
                if (values != null) {
                    values.data.encoded(captured, values.type);
                }
            }
            case "Timestamp" -> {
                if (parent.name().equals("Infrastructure")) {
                    step().timestamp = captured.strip();
                }
            }
            case "Name" -> named(parent.name(), captured.strip());
            case "SerialNumber" -> {
                if (parent.name().equals("Device")) {
                    step().serial = captured.strip();
                }
            }
            default -> value(name, captured, parent.name());
        }
    }

    private void named(String parent, String name) {
        if (steps.isEmpty()) {
            return;
        }
        if (parent.equals("Author")) {
            step().author = name;
        } else if (parent.equals("Device")) {
            step().device = name;
        }
    }

    private void value(String name, String captured, String parent) {
        if (!VALUES.contains(name) || values == null) {
            return;
        }
        switch (parent) {
            case "StartValue" -> autoStart = captured;
            case "Increment" -> autoIncrement = captured;
            case "IndividualValueSet", "Parameter" -> values.data.add(captured);
            default -> {
            }
        }
    }

    private void characters() {
        if (!capturing) {
            return;
        }
        if (text.length() + r.getTextLength() > MAX_TEXT) {
            textTooLong = true;
            return;
        }
        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
    }

    /** A Series or Parameter of a sample or of an experiment step's result as one test result. */
    private void emit() {
        if (templates > 0 || methods > 0 || values == null) {
            return; // templates describe results to come; a method's categories are settings
        }
        boolean inStep = !steps.isEmpty() && names.stream().anyMatch(n -> n.startsWith("Result:"));
        Step step = inStep ? steps.peek() : null;
        String sample = step != null ? step.sampleRef : sampleId;
        String test = testName();
        String scope = step != null && step.id != null ? "step:" + step.id : sample != null ? "sample:" + sample : null;
        String key = context.key(scope != null && keys.add(scope + "/" + test) ? scope + "/" + test
                : context.sourceId() + "#" + values.xpath);
        Instant at = step == null ? null : time(step);
        warnings(step, at);
        sink.record(new TestResult(key, step == null ? sampleSubject : null, sample, test,
                step == null ? null : step.methodText(), values.data.text(), values.unit, null, null, null, at,
                step == null ? null : step.author, new Provenance(context.sourceId(), values.xpath, context.recordedBy(),
                context.recordedAt(), at == null ? context.recordedAt() : at), step == null ? null : step.deviceText(),
                null, values.data.text()));
    }

    private void warnings(Step step, Instant at) {
        if (values.data.problem != null) {
            sink.warning(new IngestFinding(values.xpath, values.name, "ANIML-VALUES",
                    values.data.problem + "; recorded as a result without a value"));
        } else if (values.data.truncated()) {
            sink.warning(new IngestFinding(values.xpath, values.name, "ANIML-SERIES-LONG", values.data.count()
                    + " values, more than " + SeriesValues.MAX_KEPT + "; recorded without a value, the locator points "
                    + "at the series in the kept original"));
        }
        if (at == null && !warnedTime) {
            warnedTime = true;
            sink.warning(new IngestFinding(values.xpath, "Timestamp", "ANIML-TIME", (step == null
                    ? "sample data carry no time" : "the experiment step has no Timestamp with an offset")
                    + "; results have no test time and their provenance takes the time the hub received the file"));
        }
    }

    private Instant time(Step step) {
        if (step.timestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(step.timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The names from the sample or result down to the series: "data1/sub-data2/data-set-1/fibonacci". */
    private String testName() {
        StringBuilder b = new StringBuilder();
        names.descendingIterator().forEachRemaining(n -> b.append(n.substring(n.indexOf(':') + 1)).append('/'));
        return b.append(values.name).toString();
    }

    private void tag() {
        String tag = attr("name");
        String value = Step.blankToNull(attr("value"));
        if (sampleId == null || value == null || tag == null) {
            return;
        }
        switch (tag.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "lot", "lotid", "lot id", "lot number" -> sampleSubject = new RecordRef(RecordType.LOT, context.key(value));
            case "batch", "batchid", "batch id" -> {
                if (sampleSubject == null) {
                    sampleSubject = new RecordRef(RecordType.BATCH, context.key(value));
                }
            }
            default -> {
            }
        }
    }

    private Step step() {
        return steps.isEmpty() ? new Step(null) : steps.peek();
    }

    private String attr(String name) {
        return r.getAttributeValue(null, name);
    }

    private static String nameOf(String name, String fallback) {
        return Step.blankToNull(name) != null ? name : fallback == null ? "?" : fallback;
    }

    private static InvalidSourceException invalid(String xpath, String rule, String message) {
        return new InvalidSourceException(new IngestFinding(xpath, null, rule, message));
    }
}
