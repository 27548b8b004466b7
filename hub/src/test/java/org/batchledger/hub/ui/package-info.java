/**
 * Tests of the web UI as the hub serves it: the pages and assets (nothing loaded from outside), and the screens in a
 * real headless Chromium against the real hub and a real Keycloak.
 */
package org.batchledger.hub.ui;
