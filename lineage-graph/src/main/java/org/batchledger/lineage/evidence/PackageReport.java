package org.batchledger.lineage.evidence;

import java.util.SortedMap;

/**
 * Renders a package's human-readable report from the package's own files, so the report shows exactly what the
 * inspector can verify. It attaches the stage-1 manifest (the report slot null): a report cannot be listed in the
 * manifest it carries, so the final manifest names the report and the hash of the manifest it attaches
 * (docs/evidence-package.md, "The report slot").
 */
@FunctionalInterface
public interface PackageReport {
    String PATH = "report.pdf";
    String MEDIA_TYPE = "application/pdf";

    /**
     * @param stageOneManifest the manifest bytes with {@code "report": null}, to attach
     * @param files            every other file of the package by path (not the manifest or its signature)
     */
    byte[] render(byte[] stageOneManifest, SortedMap<String, byte[]> files);
}
