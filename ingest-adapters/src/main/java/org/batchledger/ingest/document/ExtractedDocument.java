package org.batchledger.ingest.document;

/**
 * What Tika read from a document.
 *
 * @param mediaType the type detected from the whole content
 * @param title     the document's own title (metadata), null when it states none
 * @param text      extracted text, cut at the limit
 * @param truncated whether the text was cut
 */
record ExtractedDocument(String mediaType, String title, String text, boolean truncated) {
}
