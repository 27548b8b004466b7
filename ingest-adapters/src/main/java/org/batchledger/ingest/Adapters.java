package org.batchledger.ingest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The adapters on the class path, chosen by explicit name or by content. */
public final class Adapters {
    private final List<IngestAdapter> all;

    public Adapters(List<IngestAdapter> adapters) {
        this.all = List.copyOf(adapters);
    }

    public static Adapters installed() {
        return new Adapters(ServiceLoader.load(IngestAdapter.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public List<IngestAdapter> all() {
        return all;
    }

    /**
     * The adapter named, or else the one that recognises the content most surely.
     *
     * @throws InvalidSourceException naming the adapters known (rule {@code ADAPTER-UNKNOWN}) or what the content
     *                                looked like (rule {@code ADAPTER-NONE})
     */
    public IngestAdapter choose(String explicitName, ContentSample sample) {
        if (explicitName != null && !explicitName.isBlank()) {
            return all.stream().filter(a -> a.name().equals(explicitName)).findFirst()
                    .orElseThrow(() -> new InvalidSourceException(new IngestFinding(null, "adapter", "ADAPTER-UNKNOWN",
                            "no adapter named '" + explicitName + "'; known: " + names())));
        }
        Optional<IngestAdapter> best = all.stream().filter(a -> a.recognises(sample) > 0)
                .max(Comparator.comparingInt(a -> a.recognises(sample)));
        return best.orElseThrow(() -> new InvalidSourceException(new IngestFinding(null, null, "ADAPTER-NONE",
                "no adapter recognises this content (" + describe(sample) + "); name one of " + names())));
    }

    private String names() {
        return all.stream().map(IngestAdapter::name).sorted().collect(Collectors.joining(", "));
    }

    private static String describe(ContentSample sample) {
        if (sample.bytes().length == 0) {
            return "the file is empty";
        }
        var root = sample.xmlRoot();
        if (root != null) {
            return "XML root element " + root.getLocalPart() + " in namespace '" + root.getNamespaceURI() + "'";
        }
        String first = sample.text().lines().findFirst().orElse("");
        return "first line '" + (first.length() > 80 ? first.substring(0, 80) + "…" : first) + "'";
    }
}
