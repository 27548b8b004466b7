/**
 * The {@code sign} and {@code withdrawSignature} mutations: controllers of a few lines over lineage-graph's
 * {@code signature} feature, the signer taken from the token (printed name, roles, and the authentication time the
 * realm puts in it for re-authentication), the role-meaning rules read once at start.
 */
package org.batchledger.hub.signature;
