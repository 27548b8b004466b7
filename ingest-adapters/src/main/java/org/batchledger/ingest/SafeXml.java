package org.batchledger.ingest;

import javax.xml.stream.XMLInputFactory;

/**
 * The one way this module reads XML: StAX with DTDs, external entities and entity expansion off, so a DOCTYPE,
 * XXE or an entity bomb never reaches a parser (the JDK then reports a DOCTYPE as an error; adapters map it to
 * rule {@code XML-DOCTYPE}).
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = create();

    private SafeXml() {
    }

    public static XMLInputFactory inputFactory() {
        return FACTORY;
    }

    private static XMLInputFactory create() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
