package org.batchledger.schema.release;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product specifications in force, by product material key. Read from a JSON document
 * {@code {"specifications": [{"product": "...", "version": "...", "tests": [...], "steps": [...]}]}}; a product
 * listed twice is refused by name, because which of the two applies would be a guess.
 */
public final class Specifications {
    public static final Specifications NONE = new Specifications(List.of());

    private final Map<String, ProductSpecification> byProduct = new LinkedHashMap<>();

    public Specifications(Collection<ProductSpecification> specifications) {
        for (ProductSpecification spec : specifications) {
            if (byProduct.putIfAbsent(spec.product(), spec) != null) {
                throw new InvalidSpecificationException("product " + spec.product() + " is specified twice");
            }
        }
    }

    public Optional<ProductSpecification> of(String productKey) {
        return Optional.ofNullable(byProduct.get(productKey));
    }

    public Collection<ProductSpecification> all() {
        return byProduct.values();
    }

    /** Reads the JSON form; {@code source} names the file in errors. */
    public static Specifications read(InputStream json, String source) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            Document doc = jsonb.fromJson(json, Document.class);
            if (doc == null || doc.specifications == null) {
                throw new InvalidSpecificationException("no \"specifications\" array"); // the catch below names the file
            }
            return new Specifications(doc.specifications.stream()
                    .map(s -> new ProductSpecification(s.product, s.version, s.tests, s.steps)).toList());
        } catch (JsonbException e) {
            throw new InvalidSpecificationException(source + ": not a specification document: " + e.getMessage());
        } catch (InvalidSpecificationException e) {
            throw new InvalidSpecificationException(source + ": " + e.getMessage());
        } catch (Exception e) {
            throw new InvalidSpecificationException(source + ": " + e.getMessage());
        }
    }

    /** JSON-B binding shape; public fields because Yasson binds those without setters. */
    public static final class Document {
        public List<Entry> specifications;
    }

    public static final class Entry {
        public String product;
        public String version;
        public List<String> tests;
        public List<String> steps;
    }
}
