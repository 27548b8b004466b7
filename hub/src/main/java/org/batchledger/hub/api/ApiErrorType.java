package org.batchledger.hub.api;

import graphql.ErrorClassification;

/** Error classes beyond Spring's {@code ErrorType}, reported as {@code extensions.classification}. */
enum ApiErrorType implements ErrorClassification {
    /** The request contradicts one already committed (an idempotency key reused with other content). */
    CONFLICT,
    /** The ledger is not an extension of the last checkpoint the hub kept: nothing is signed (an operator's alarm). */
    LEDGER_INCONSISTENT,
    /** The hub cannot do this now (a verification already running, the database unreachable); retry later. */
    SERVICE_UNAVAILABLE,
    /**
     * A signature needs a recent authentication (21 CFR 11.200): log in again (OIDC {@code max_age}/{@code
     * prompt=login}, or a new password grant) and retry; extensions name the window and the token's authTime.
     */
    REAUTHENTICATION_REQUIRED
}
