/**
 * LIMS and instrument result tables in CSV ({@code lims-csv}): a default column layout, mapping files for other
 * layouts (bundled ones for known instrument exports), read with Apache Commons CSV through a strict decoder.
 * Every row becomes one {@link org.batchledger.schema.record.TestResult} per result it carries, located by line.
 */
package org.batchledger.ingest.lims;
