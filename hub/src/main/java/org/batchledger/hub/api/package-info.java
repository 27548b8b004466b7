/**
 * GraphQL plumbing shared by all feature controllers, one concern per sub-package: {@code guardrail} (depth, cost
 * and deadline limits, parsed-document cache, classification of caller errors), {@code scalar} ({@code DateTime},
 * date ranges), {@code node} (global IDs and {@code node(id:)}), {@code paging} (keyset paging to Relay
 * connections), {@code loader} (the asOf a subtree is read at and the DataLoaders that batch child lists and
 * references per asOf). This package itself holds the typed API errors and their one exception handler. No domain
 * rules.
 */
package org.batchledger.hub.api;
