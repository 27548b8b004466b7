package org.batchledger.ingest.b2mml;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.batchledger.ingest.IngestContext;
import org.batchledger.schema.record.Provenance;

/**
 * One B2MML or BatchML message: the release its namespace names, the OAGIS verb wrapper ({@code SyncX} with
 * {@code ApplicationArea} and {@code DataArea}) that MES and ERP exports use, and the times records fall back on.
 * The nouns inside are handed to a {@link NounReader} one at a time.
 */
public final class B2mmlMessage {
    /** Verbs that carry data to keep; Get asks, Cancel withdraws, Acknowledge answers: none of those is a record. */
    static final List<String> DATA_VERBS = List.of("Sync", "Process", "Show", "Change", "Respond");
    static final List<String> OTHER_VERBS = List.of("Get", "Cancel", "Acknowledge");

    private final IngestContext context;
    private final Findings findings;
    private B2mmlVersion version;
    private Instant createdAt;
    private Instant publishedAt;

    /** Reads the noun at the cursor (consuming it); false when it is not one this reader knows. */
    public interface NounReader {
        boolean read(XmlCursor cursor, B2mmlMessage message);
    }

    public B2mmlMessage(IngestContext context, Findings findings) {
        this.context = context;
        this.findings = findings;
    }

    /** The noun a root element names, without its verb ({@code SyncMaterialInformation} → MaterialInformation). */
    public static String noun(String root) {
        for (String verb : DATA_VERBS) {
            if (root.startsWith(verb) && root.length() > verb.length()) {
                return root.substring(verb.length());
            }
        }
        for (String verb : OTHER_VERBS) {
            if (root.startsWith(verb) && root.length() > verb.length()) {
                return root.substring(verb.length());
            }
        }
        return root;
    }

    public void walk(InputStream in, Set<String> nouns, NounReader reader) {
        try (XmlCursor c = XmlCursor.open(in)) {
            version = B2mmlVersion.of(c.namespace()).orElseThrow(() -> XmlCursor.fail(c.xpath(), "XML-NAMESPACE",
                    "root element " + c.name() + " is in namespace '" + c.namespace() + "', which is not B2MML/BatchML "
                            + "V0401 (" + B2mmlVersion.V0401.namespace() + "), V0600 (" + B2mmlVersion.V0600.namespace()
                            + ") or V0700 (" + B2mmlVersion.V0700.namespace() + ")"));
            String root = c.name();
            String noun = noun(root);
            if (!nouns.contains(noun)) {
                throw XmlCursor.fail(c.xpath(), "B2MML-MESSAGE", "message " + root + " is not read by this adapter; it "
                        + "reads " + String.join(", ", nouns.stream().sorted().toList()) + " (bare or in a Sync/Process/"
                        + "Show/Change/Respond wrapper)");
            }
            if (!noun.equals(root)) {
                String verb = root.substring(0, root.length() - noun.length());
                if (OTHER_VERBS.contains(verb)) {
                    throw XmlCursor.fail(c.xpath(), "B2MML-VERB", "a " + verb + " message carries no records to keep"
                            + " (only " + String.join("/", DATA_VERBS) + " do)");
                }
                wrapper(c, reader);
            } else if (!reader.read(c, this)) {
                throw XmlCursor.fail(c.xpath(), "B2MML-MESSAGE", "no reader for " + root);
            }
            c.expectEnd();
        }
    }

    private void wrapper(XmlCursor c, NounReader reader) {
        while (c.nextChild()) {
            if (foreign(c)) {
                extension(c);
            } else if (c.name().equals("ApplicationArea")) {
                XmlNode area = c.tree();
                createdAt = XmlValues.time(area.text("CreationDateTime"), area.xpath() + "/CreationDateTime[1]",
                        "CreationDateTime", false, findings);
            } else if (c.name().equals("DataArea")) {
                while (c.nextChild()) {
                    if (foreign(c)) {
                        extension(c);
                    } else if (DATA_VERBS.contains(c.name()) || OTHER_VERBS.contains(c.name())) {
                        c.skip(); // the verb element (<Sync/>) only repeats what the root says
                    } else if (!reader.read(c, this)) {
                        unknown(c);
                    }
                }
            } else {
                unknown(c);
            }
        }
    }

    /**
     * True when the element at the cursor is not in the message's namespace: a vendor's or the release's extension
     * namespace (the caller keeps or skips it with a warning). An element of another B2MML release is a problem.
     */
    public boolean foreign(XmlCursor c) {
        String ns = c.namespace();
        if (ns.equals(version.namespace())) {
            return false;
        }
        if (B2mmlVersion.isAnyRelease(ns)) {
            findings.problem(c.xpath(), c.name(), "XML-NAMESPACE", "element " + c.name() + " is in namespace '" + ns
                    + "' of another B2MML release inside a " + version + " message");
        }
        return true;
    }

    /** Skips an extension element, saying so once per element name. */
    public void extension(XmlCursor c) {
        findings.warnOnce(c.xpath(), c.name(), "B2MML-EXTENSION", "vendor extension element " + c.name()
                + (c.namespace().isEmpty() ? "" : " ('" + c.namespace() + "')") + " not mapped; skipped");
        c.skip();
    }

    /** Skips an element of the message's namespace that no record field takes. */
    public void unknown(XmlCursor c) {
        if (c.name().equals("Any")) {
            extension(c);
        } else {
            c.skip();
        }
    }

    public B2mmlVersion version() {
        return version;
    }

    public Findings findings() {
        return findings;
    }

    public IngestContext context() {
        return context;
    }

    public void publishedAt(Instant t) {
        if (t != null) {
            publishedAt = t;
        }
    }

    /** The message's own time: PublishedDate, else the ApplicationArea's CreationDateTime, else null. */
    public Instant messageTime() {
        return publishedAt != null ? publishedAt : createdAt;
    }

    /**
     * Provenance at an element; its event time is the element's own, else the message's, else the time the hub
     * received the file, with a warning (never a silent default).
     */
    public Provenance provenance(String locator, Instant own) {
        Instant at = own != null ? own : messageTime();
        if (at == null) {
            findings.warnOnce(locator, "eventAt", "B2MML-TIME", "no time in the element nor in the message "
                    + "(PublishedDate, CreationDateTime); event time taken as the time the hub received the file");
            at = context.recordedAt();
        }
        return new Provenance(context.sourceId(), locator, context.recordedBy(), context.recordedAt(), at);
    }

    public String key(String id) {
        return context.key(id);
    }
}
