/**
 * Serving the web UI (module {@code ui-client}): its pages under {@code /ui/**} and {@code /graphiql} are the one
 * single-page app's {@code index.html}, and {@code /api/ui/config} tells it which Keycloak realm and client to log in
 * with. The UI's files themselves are static resources of the ui-client jar ({@code META-INF/resources}).
 */
package org.batchledger.hub.ui;
