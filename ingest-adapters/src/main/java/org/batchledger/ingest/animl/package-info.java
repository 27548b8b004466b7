/**
 * AnIML core 0.90 ({@code animl}), read with StAX through {@link org.batchledger.ingest.SafeXml}: each Series and
 * Parameter of a sample or of an experiment step's result becomes a test result with method, device and author;
 * a structure the schema forbids is refused with its XPath.
 */
package org.batchledger.ingest.animl;
