/**
 * GraphQL plumbing shared by all feature controllers: global IDs, paging, the {@code @roles} directive, the
 * DateTime scalar and error classification. No domain rules.
 */
package org.batchledger.hub.api;
