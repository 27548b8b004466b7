package org.batchledger.ingest.b2mml;

import java.util.List;
import java.util.Map;

/**
 * One small element read whole (a MaterialLot, an Event), with its XPath. Only bounded parts of a file are read this
 * way; the containers around them are streamed.
 *
 * @param text the trimmed text content, null when empty or {@code xsi:nil}
 */
public record XmlNode(String name, String namespace, String xpath, int line, Map<String, String> attributes,
                      String text, List<XmlNode> children) {

    public XmlNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public XmlNode child(String local) {
        for (XmlNode c : children) {
            if (c.name.equals(local)) {
                return c;
            }
        }
        return null;
    }

    public List<XmlNode> all(String local) {
        return children.stream().filter(c -> c.name.equals(local)).toList();
    }

    /** The text of the first child of that name, null when there is none or it is empty. */
    public String text(String local) {
        XmlNode c = child(local);
        return c == null ? null : c.text;
    }

    /** The first non-empty text among the children of that name. */
    public String firstText(String local) {
        for (XmlNode c : children) {
            if (c.name.equals(local) && c.text != null) {
                return c.text;
            }
        }
        return null;
    }
}
