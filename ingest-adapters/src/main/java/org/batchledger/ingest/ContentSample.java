package org.batchledger.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The first bytes of a file, what adapters look at to say whether they read it. */
public final class ContentSample {
    public static final int SIZE = 64 * 1024;
    private final byte[] head;
    private QName xmlRoot;
    private boolean xmlRootRead;

    public ContentSample(byte[] head) {
        this.head = head.length > SIZE ? Arrays.copyOf(head, SIZE) : head.clone();
    }

    public byte[] bytes() {
        return head.clone();
    }

    /** The head as UTF-8 text without a byte-order mark (may end mid-character). */
    public String text() {
        int from = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        return new String(head, from, head.length - from, StandardCharsets.UTF_8);
    }

    /** The root element's name and namespace when the head is XML, else null; never resolves entities. */
    public QName xmlRoot() {
        if (!xmlRootRead) {
            xmlRootRead = true;
            try {
                XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(head));
                try {
                    while (r.hasNext()) {
                        if (r.next() == XMLStreamConstants.START_ELEMENT) {
                            xmlRoot = r.getName();
                            break;
                        }
                    }
                } finally {
                    r.close();
                }
            } catch (XMLStreamException | RuntimeException notXml) {
                xmlRoot = null;
            }
        }
        return xmlRoot;
    }
}
