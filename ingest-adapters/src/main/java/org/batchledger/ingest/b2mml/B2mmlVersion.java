package org.batchledger.ingest.b2mml;

import java.util.Optional;

/** The B2MML/BatchML releases read here; the document's namespace says which, never the file name. */
public enum B2mmlVersion {
    V0401("http://www.wbf.org/xml/B2MML-V0401"),
    V0600("http://www.mesa.org/xml/B2MML-V0600"),
    V0700("http://www.mesa.org/xml/B2MML");

    private final String namespace;

    B2mmlVersion(String namespace) {
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public static Optional<B2mmlVersion> of(String namespace) {
        for (B2mmlVersion v : values()) {
            if (v.namespace.equals(namespace)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The release's own extension namespaces ({@code …-AllExtensions}, {@code …-Extensions}): what the schemas
     * provide for vendor additions, so elements there are extensions, not a wrong namespace.
     */
    public boolean isExtension(String ns) {
        return ns != null && ns.startsWith(namespace + "-") && ns.endsWith("Extensions");
    }

    /** True for any namespace of some B2MML release, to tell "another release" from "a vendor's own". */
    public static boolean isAnyRelease(String ns) {
        return of(ns).isPresent();
    }
}
