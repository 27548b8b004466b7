/** Logging hygiene: what reaches the log cannot forge log lines. */
package org.batchledger.hub.logging;
