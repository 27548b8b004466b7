/**
 * Test support: a real Keycloak server, started from the distribution the build unpacks into
 * {@code target/keycloak}, with the demo realm {@code config/keycloak/batchledger-realm.json}
 * imported. Tests authenticate against it exactly as the hub does in production; there is no
 * test-only authentication shortcut.
 */
package org.batchledger.hub.support;
