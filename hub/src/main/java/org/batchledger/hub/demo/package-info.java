/** The demo plant: a generated oral-solid-dose plant loaded through the one write path on first start. */
package org.batchledger.hub.demo;
