/**
 * Limits every request before it runs (maximum depth, maximum cost, a deadline), caches parsed documents, and
 * classifies the caller's mistakes (syntax, validation, a limit hit) as BAD_REQUEST.
 */
package org.batchledger.hub.api.guardrail;
