package org.batchledger.lineage.store;

import java.util.function.LongSupplier;

/**
 * The one rule for whether a record element (node or relationship) is visible to reads, whatever the read: an element
 * a large file's ingest staged carries the mark {@code supersededAtSeq = 0} ({@link #STAGED}) and a {@code ledgerSeq}
 * beyond the committed head; it is visible once the head covers it ({@code ledgerSeq <= LedgerHead.seq}), whether or
 * not its mark was tidied away yet. So the publish of a file only moves the head: O(1) in transaction size.
 *
 * <p>Decision (issue #9): visibility from the ledger head, not a per-record flag that the publish clears. Kept:
 * the staging mark itself (a read that forgets this rule still hides a staged record rather than leaking it,
 * because it tests {@code supersededAtSeq IS NULL}), and only a marked element pays for the head lookup (an
 * {@code EXISTS} seek on the head's unique id, short-circuited by the cheap test before it), so reads of
 * unmarked records cost what they did. Rejected: {@code ledgerSeq <= $head} on every element (every read would
 * need the head as a parameter or a joined variable, and every element would pay the comparison), and a lease id
 * as the mark (it would need a lookup per element to know whether its lease published). Leftover marks are removed
 * after the publish in bounded transactions ({@code StagedTidy}); between the publish and the tidy, and after a
 * crash between them, they are harmless. Within one query the head is read per marked element, so a read that
 * runs while a publish commits may see part of the file, as a read concurrent with the former one-transaction
 * unmark could; a read that starts after the publish's commit sees all of it, one that ends before sees none.
 */
public final class Visibility {
    /** The staging mark: "valid at no tree size" until the head covers the element's {@code ledgerSeq}. */
    public static final long STAGED = 0L;
    /** The label and id of the ledger head whose {@code seq} is the committed tree size. */
    public static final String HEAD_LABEL = "LedgerHead";
    public static final String HEAD_ID = "main";

    private Visibility() {
    }

    /**
     * Cypher: the committed head covers {@code seq} (an expression); an index seek on the head's unique id. Every
     * Cypher condition here is padded with a space on each side, so it can be put between text blocks.
     */
    public static String headCovers(String seq) {
        return " EXISTS { MATCH (visibilityHead:" + HEAD_LABEL + " {id: '" + HEAD_ID + "'}) WHERE visibilityHead.seq >= "
                + seq + " } ";
    }

    /** Cypher: {@code v} is not an element of an ingest still staged (superseded versions included). */
    public static String published(String v) {
        return " (coalesce(" + v + ".supersededAtSeq, -1) <> 0 OR " + headCovers(v + ".ledgerSeq") + ") ";
    }

    /** Cypher: {@code v} is the current version of a record: published and not superseded by a correction. */
    public static String current(String v) {
        return " (" + v + ".supersededAtSeq IS NULL OR (" + v + ".supersededAtSeq = 0 AND "
                + headCovers(v + ".ledgerSeq") + ")) ";
    }

    /** Cypher: {@code v} is the version valid at tree size {@code $asOf} (recorded by then, superseded after it). */
    public static String asOf(String v) {
        return " (" + v + ".ledgerSeq <= $asOf AND (" + v + ".supersededAtSeq IS NULL OR " + v
                + ".supersededAtSeq > $asOf OR (" + v + ".supersededAtSeq = 0 AND " + headCovers(v + ".ledgerSeq")
                + "))) ";
    }

    /**
     * The same rule for code that reads elements itself (the server-side trace): {@code supersededAtSeq} as stored
     * (null when absent) and the element's {@code ledgerSeq}; {@code head} is asked only for a marked element.
     */
    public static boolean published(Object supersededAtSeq, long ledgerSeq, LongSupplier head) {
        return !(supersededAtSeq instanceof Number n && n.longValue() == STAGED) || ledgerSeq <= head.getAsLong();
    }
}
