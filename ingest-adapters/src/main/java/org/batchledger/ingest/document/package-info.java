/**
 * Documents through Apache Tika (one {@code AutoDetectParser}): certificates of analysis as PDF, DOCX/XLSX logs and
 * instrument reports, images kept as they are. Each becomes one {@code Document} with its detected media type, its
 * SHA-256 and title, linked to the lot or batch the upload names or the text identifies. Text extraction is
 * bounded; a ZIP/DOCX bomb is refused by Tika's guard as rule {@code DOCUMENT-BOMB}.
 */
package org.batchledger.ingest.document;
