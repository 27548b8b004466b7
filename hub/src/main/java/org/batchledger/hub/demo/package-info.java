/**
 * The demo plant: a generated oral-solid-dose plant loaded through the one write path on first start, its quality
 * records then moved through the workflows' signed transitions as its people would.
 */
package org.batchledger.hub.demo;
