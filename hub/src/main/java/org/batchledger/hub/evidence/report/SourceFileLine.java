package org.batchledger.hub.evidence.report;

/**
 * One entry of the source-file index.
 *
 * @param fileName  the original file name
 * @param sha256Hex its SHA-256, lower-case hex
 * @param mediaType its detected media type
 * @param sizeBytes its size
 * @param included  whether the original is inside the package (false when over the size limit)
 */
public record SourceFileLine(String fileName, String sha256Hex, String mediaType, long sizeBytes, boolean included) {
}
