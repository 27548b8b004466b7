/** The API's scalars ({@code DateTime}: UTC, millisecond precision) and the date-range argument built on it. */
package org.batchledger.hub.api.scalar;
