/**
 * The evidence-package verifier: reads a package's ZIP with the limits a hostile archive needs, and checks it
 * against a pinned key and origin, check by check (docs/evidence-package.md describes the format and each check).
 */
package org.batchledger.verifier.evidence;
