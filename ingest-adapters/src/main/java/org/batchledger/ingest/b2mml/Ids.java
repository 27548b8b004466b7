package org.batchledger.ingest.b2mml;

/** Identity is strict: a record whose ID is missing is a problem of the file, never a made-up key. */
public final class Ids {
    private Ids() {
    }

    /** The text of the child {@code field}, or null and a problem naming the element. */
    public static String required(XmlNode owner, String field, Findings f) {
        String id = owner.text(field);
        if (id == null) {
            f.problem(owner.xpath(), field, "ID-MISSING", owner.name() + " has no " + field
                    + "; a record without identity cannot be ingested");
        }
        return id;
    }
}
