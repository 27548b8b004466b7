/**
 * Allotrope Simple Model JSON ({@code asm}), read with JSON-P streaming: one test result per value with a unit in
 * each measurement (analytes, processed data, peaks included), data cubes by reference, every result located by
 * its JSON pointer. Techniques it does not know are imported by the same walk, with a warning.
 */
package org.batchledger.ingest.asm;
