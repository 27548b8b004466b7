/**
 * Change impact between two git refs: changed files, the GraphQL schema diff (graphql-java's SchemaDiff), the
 * correction-rule diff (the exported table), dependency changes (poms), each mapped to the requirements whose
 * {@code touches} match, so re-validation is scoped to what changed.
 */
package org.batchledger.validation.impact;
