/**
 * GraphQL plumbing shared by all feature controllers: global IDs, paging, the {@code @roles} directive, the
 * DateTime scalar and error classification, the asOf a response subtree is read at and the DataLoaders that batch
 * child lists and references per asOf. No domain rules.
 */
package org.batchledger.hub.api;
