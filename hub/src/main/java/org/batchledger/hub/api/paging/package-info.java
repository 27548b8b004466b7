/** Keyset paging: {@code first}/{@code after} arguments to a page request, pages to Relay connections. */
package org.batchledger.hub.api.paging;
