package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.batchml.BatchMlAdapter;
import org.batchledger.schema.record.LedgerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every record's locator is an XPath that selects exactly one element of the original file: the raw data behind any
 * value can be shown. Checked by evaluating each locator (names matched by local name) against the file.
 */
@Tag("REQ-INGEST-115")
class LocatorTest {
    private static final Pattern STEP = Pattern.compile("/([^/\\[]+)(\\[\\d+])?");

    @ParameterizedTest
    @ValueSource(strings = {"b2mml/MAT-20121210170256-CRBN0001.xml", "b2mml/LOT-20121210170718-0001L0001.xml",
        "b2mml/production-performance-v0401.xml", "b2mml/operations-performance-v0600.xml",
        "b2mml/operations-performance-v0700.xml", "b2mml/production-schedule-v0401.xml",
        "b2mml/operations-schedule-v0700.xml", "b2mml/material-v0600.xml", "b2mml/material-lot-v0700.xml",
        "batchml/batch-production-record-v0401.xml", "batchml/batch-production-record-v0700.xml"})
    void everyLocatorSelectsExactlyOneElementOfTheFile(String name) throws Exception {
        Path file = IngestRun.resource(name);
        IngestAdapter adapter = name.startsWith("batchml") ? new BatchMlAdapter() : new B2mmlAdapter();
        List<LedgerRecord> records = IngestRun.file(adapter, file, false).records;
        Document doc = parse(file);

        assertThat(records).isNotEmpty().allSatisfy(r -> {
            NodeList hits = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(byLocalName(r.provenance().locator()), doc, XPathConstants.NODESET);
            assertThat(hits.getLength()).as(r.provenance().locator()).isEqualTo(1);
        });
    }

    /** {@code /A/B[2]} → {@code /*[local-name()='A']/*[local-name()='B'][2]}: the locator read without prefixes. */
    private static String byLocalName(String locator) {
        StringBuilder sb = new StringBuilder();
        Matcher m = STEP.matcher(locator);
        while (m.find()) {
            sb.append("/*[local-name()='").append(m.group(1)).append("']").append(m.group(2) == null ? "" : m.group(2));
        }
        return sb.toString();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(file.toFile());
    }
}
