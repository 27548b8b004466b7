/**
 * The inspector's offline verifier of evidence packages: JDK only, no database, no network.
 */
package org.batchledger.verifier;
