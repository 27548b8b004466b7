/** Tests of the ALCOA+ engine: each rule on a small hand-built batch that violates it and one that satisfies it. */
package org.batchledger.lineage.release.alcoa;
