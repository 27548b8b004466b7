/**
 * Ingest adapters: parsers that turn MES exports (ISA-95 B2MML, ISA-88 BatchML), LIMS exports (CSV, AnIML,
 * Allotrope ASM JSON) and documents (Apache Tika) into canonical records with source locators. They never write
 * to the database; the hub hands their records to the ledgered write path. Arrives with the ingest issue.
 */
package org.batchledger.ingest;
