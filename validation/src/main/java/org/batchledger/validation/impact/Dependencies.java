package org.batchledger.validation.impact;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a pom declares that changes what is built: the parent, the properties (versions are pinned there) and the
 * dependencies and managed dependencies with version and scope. Read with StAX; compared key by key.
 */
final class Dependencies {
    /** One changed declaration of one pom: before and after ("-" when absent). */
    record Change(String pom, String what, String before, String after) {
    }

    private Dependencies() {
    }

    static List<Change> diff(String pom, String before, String after) {
        Map<String, String> a = before == null ? Map.of() : declarations(pom, before);
        Map<String, String> b = after == null ? Map.of() : declarations(pom, after);
        List<Change> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                changes.add(new Change(pom, k, a.getOrDefault(k, "-"), b.getOrDefault(k, "-")));
            }
        }
        return changes;
    }

    static Map<String, String> declarations(String pom, String xmlText) {
        Map<String, String> out = new TreeMap<>();
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = f.createXMLStreamReader(new StringReader(xmlText));
            List<String> path = new ArrayList<>();
            Map<String, String> dep = new TreeMap<>();
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamReader.START_ELEMENT) {
                    path.add(xml.getLocalName());
                    String p = String.join("/", path);
                    if (p.startsWith("project/properties/") && path.size() == 3) {
                        out.put("property " + xml.getLocalName(), xml.getElementText().strip());
                        path.removeLast();
                    } else if (p.equals("project/parent/version")) {
                        out.put("parent version", xml.getElementText().strip());
                        path.removeLast();
                    } else if (p.endsWith("dependency/groupId") || p.endsWith("dependency/artifactId")
                            || p.endsWith("dependency/version") || p.endsWith("dependency/scope")
                            || p.endsWith("dependency/type") || p.endsWith("dependency/classifier")) {
                        dep.put(xml.getLocalName(), xml.getElementText().strip());
                        path.removeLast();
                    }
                } else if (e == XMLStreamReader.END_ELEMENT) {
                    String p = String.join("/", path);
                    if (p.endsWith("/dependency") && !p.contains("/exclusions/")) {
                        String kind = p.contains("dependencyManagement") ? "managed " : "";
                        String key = kind + "dependency " + dep.get("groupId") + ":" + dep.get("artifactId")
                                + (dep.containsKey("type") ? ":" + dep.get("type") : "")
                                + (dep.containsKey("classifier") ? ":" + dep.get("classifier") : "");
                        out.put(key, dep.getOrDefault("version", "(managed)") + " "
                                + dep.getOrDefault("scope", "compile"));
                        dep.clear();
                    }
                    path.removeLast();
                }
            }
            return out;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(pom + ":" + (e.getLocation() == null ? 0
                    : e.getLocation().getLineNumber()) + ": not a readable pom: " + e.getMessage(), e);
        }
    }
}
