package org.batchledger.lineage.evidence;

/** One file of a package: its path in the archive, its bytes, its media type. */
record PackageFile(String path, byte[] bytes, String mediaType) {
    static final String JSON = "application/json";
    static final String NOTE = "text/plain; charset=utf-8";
}
