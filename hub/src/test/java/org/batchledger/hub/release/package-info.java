/** Tests of the release feature's GraphQL side, over real HTTP with real tokens. */
package org.batchledger.hub.release;
