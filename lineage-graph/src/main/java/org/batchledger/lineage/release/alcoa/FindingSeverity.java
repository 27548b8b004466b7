package org.batchledger.lineage.release.alcoa;

/** How much a finding weighs for release, as the SDL's {@code FindingSeverity}: CRITICAL blocks release. */
public enum FindingSeverity { INFO, MINOR, MAJOR, CRITICAL }
