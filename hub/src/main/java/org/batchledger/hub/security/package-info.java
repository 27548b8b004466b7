/**
 * Keycloak (OIDC) security: the hub is a stateless OAuth2 resource server; realm roles become {@code ROLE_*}
 * authorities in one converter; there is no mode without authentication.
 */
package org.batchledger.hub.security;
