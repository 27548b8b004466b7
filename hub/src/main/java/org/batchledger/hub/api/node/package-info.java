/**
 * Global IDs ({@code Label:key}) for every {@code Node} type, their wiring into the schema, and {@code node(id:)}.
 */
package org.batchledger.hub.api.node;
