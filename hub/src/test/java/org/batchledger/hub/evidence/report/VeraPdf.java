package org.batchledger.hub.evidence.report;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF's own validator (the greenfield parser; its profiles ship in the jar, so no network). */
public final class VeraPdf {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** A verdict: the flavour veraPDF validated against and every failed rule with its message and location. */
    public record Verdict(PDFAFlavour flavour, boolean compliant, int assertions, List<String> failures) {
    }

    private VeraPdf() {
    }

    public static Verdict validate(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult r = validator.validate(parser);
            List<String> failures = r.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                            + " @ " + a.getLocation().getContext())
                    .distinct().collect(Collectors.toList());
            return new Verdict(r.getPDFAFlavour(), r.isCompliant(), r.getTotalAssertions(), failures);
        }
    }

    /** The flavour the document claims in its XMP, as veraPDF reads it. */
    static PDFAFlavour claimed(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            return parser.getFlavour();
        }
    }
}
