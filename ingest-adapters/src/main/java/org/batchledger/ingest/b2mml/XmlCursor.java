package org.batchledger.ingest.b2mml;

import java.io.CharConversionException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.SafeXml;

/**
 * A forward-only walk over an XML file through {@link SafeXml}, keeping only the open elements (name, XPath, child
 * counts), so memory follows the depth of the document, not its size. Every element is consumed by exactly one of
 * {@link #nextChild()} loops, {@link #text()}, {@link #tree()} or {@link #skip()}.
 *
 * <p>A DOCTYPE is refused (rule {@code XML-DOCTYPE}), anything not well-formed stops the walk with line and column
 * ({@code XML-WELL-FORMED}, or {@code XML-ENCODING} for bytes that are not the declared encoding).
 */
public final class XmlCursor implements AutoCloseable {
    static final int MAX_TREE_NODES = 50_000;
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLStreamReader r;
    private final Deque<Frame> open = new ArrayDeque<>();

    private record Frame(String name, String xpath, int line, Map<String, Integer> childCounts) {
    }

    private XmlCursor(XMLStreamReader r) {
        this.r = r;
    }

    /** Opens the stream and stops on the root element. */
    public static XmlCursor open(InputStream in) {
        XMLStreamReader reader;
        try {
            reader = SafeXml.inputFactory().createXMLStreamReader(in);
        } catch (XMLStreamException | RuntimeException e) {
            throw notWellFormed(e);
        }
        XmlCursor c = new XmlCursor(reader);
        while (true) {
            int ev = c.advance();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                c.push();
                return c;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw fail("line " + reader.getLocation().getLineNumber(), "XML-WELL-FORMED",
                        "the file holds no XML element (empty or only a prolog)");
            }
        }
    }

    public String name() {
        return open.peek().name;
    }

    public String namespace() {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    public String xpath() {
        return open.peek().xpath;
    }

    public int line() {
        return open.peek().line;
    }

    public String attribute(String local) {
        String v = r.getAttributeValue(null, local);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Moves to the next child element of the current one; false (and the current element closed) at its end. */
    public boolean nextChild() {
        while (true) {
            int ev = advance();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                push();
                return true;
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                open.pop();
                return false;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw truncated();
            }
        }
    }

    /** The current element's trimmed text (null when empty or nil); nested elements are skipped. */
    public String text() {
        boolean nil = "true".equals(r.getAttributeValue(XSI, "nil"));
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        while (true) {
            int ev = advance();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 0) {
                        sb.append(r.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth-- == 0) {
                        open.pop();
                        String t = sb.toString().strip();
                        return nil || t.isEmpty() ? null : t;
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw truncated();
                default -> {
                }
            }
        }
    }

    /** The current element's text as an xsd:dateTime (see {@link XmlValues#time}), located at the element. */
    public Instant time(Findings f) {
        String at = xpath();
        String field = name();
        return XmlValues.time(text(), at, field, false, f);
    }

    /** Reads the current element whole; bounded, so one element cannot fill the heap. */
    public XmlNode tree() {
        int[] budget = {MAX_TREE_NODES};
        return readTree(budget);
    }

    private XmlNode readTree(int[] budget) {
        if (--budget[0] < 0) {
            throw fail(xpath(), "XML-SIZE", "element too large to read (over " + MAX_TREE_NODES
                    + " elements in one record); split the message");
        }
        Frame f = open.peek();
        String ns = namespace();
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        boolean nil = "true".equals(r.getAttributeValue(XSI, "nil"));
        StringBuilder sb = new StringBuilder();
        List<XmlNode> children = new ArrayList<>();
        while (true) {
            int ev = advance();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    push();
                    children.add(readTree(budget));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    open.pop();
                    String t = sb.toString().strip();
                    return new XmlNode(f.name, ns, f.xpath, f.line, attrs, nil || t.isEmpty() ? null : t, children);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw truncated();
                default -> {
                }
            }
        }
    }

    /** Passes over the current element and everything in it. */
    public void skip() {
        int depth = 0;
        while (true) {
            int ev = advance();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                open.pop();
                return;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw truncated();
            }
        }
    }

    /** After the root closed: refuses anything but comments and whitespace up to the end. */
    public void expectEnd() {
        while (advance() != XMLStreamConstants.END_DOCUMENT) {
            // a second root is reported by the parser itself as not well-formed
        }
    }

    private void push() {
        Frame parent = open.peek();
        String local = r.getLocalName();
        String xp;
        if (parent == null) {
            xp = "/" + local;
        } else {
            int n = parent.childCounts.merge(local, 1, Integer::sum);
            xp = parent.xpath + "/" + local + "[" + n + "]";
        }
        open.push(new Frame(local, xp, r.getLocation().getLineNumber(), new HashMap<>(4)));
    }

    private int advance() {
        try {
            int ev = r.next();
            if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_DECLARATION
                    || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw fail("line " + r.getLocation().getLineNumber(), "XML-DOCTYPE",
                        "a DOCTYPE or entity is not accepted (XXE and entity expansion are refused); remove it");
            }
            return ev;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof InvalidSourceException ise) {
                throw ise;
            }
            throw notWellFormed(e);
        }
    }

    private InvalidSourceException truncated() {
        return fail("line " + r.getLocation().getLineNumber(), "XML-WELL-FORMED",
                "the file ends inside element " + xpath() + " (truncated?)");
    }

    private static InvalidSourceException notWellFormed(Exception e) {
        Location at = e instanceof XMLStreamException x ? x.getLocation() : null;
        String where = at == null ? null : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = msg.indexOf("Message: ");
        msg = cut >= 0 ? msg.substring(cut + 9) : msg;
        if (e.getCause() instanceof CharConversionException || msg.contains("UTF-8")) {
            return fail(where, "XML-ENCODING", "bytes that are not the declared encoding: " + msg);
        }
        if (msg.contains("DOCTYPE")) {
            return fail(where, "XML-DOCTYPE", "a DOCTYPE or entity is not accepted: " + msg);
        }
        return fail(where, "XML-WELL-FORMED", "not well-formed XML: " + msg);
    }

    static InvalidSourceException fail(String locator, String rule, String message) {
        return new InvalidSourceException(new IngestFinding(locator, null, rule, message));
    }

    @Override
    public void close() {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // closing a reader over a stream the caller owns; nothing to report
        }
    }
}
