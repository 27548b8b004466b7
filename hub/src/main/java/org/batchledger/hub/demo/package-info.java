/** The demo: a generated plant loaded into an empty graph at start when {@code batchledger.demo-plant.enabled}. */
package org.batchledger.hub.demo;
