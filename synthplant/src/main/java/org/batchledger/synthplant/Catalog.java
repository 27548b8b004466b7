package org.batchledger.synthplant;

import static org.batchledger.schema.record.Material.MaterialKind.API;
import static org.batchledger.schema.record.Material.MaterialKind.EXCIPIENT;
import static org.batchledger.schema.record.Material.MaterialKind.PACKAGING;
import static org.batchledger.schema.record.Material.MaterialKind.RAW_MATERIAL;
import static org.batchledger.schema.record.Material.MaterialKind.UTILITY;

import java.util.List;

/** The plant's material masters and products. Supplier names are fictional. */
final class Catalog {
    /** Supernode spans: one lot feeds this many orders (× 3 batches for water) before the next is received. */
    static final int WATER_SPAN = 1000;
    static final int MCC_SPAN = 2500;

    static final MaterialSpec METFORMIN = api("API-METF", "Metformin hydrochloride", 8, 200);
    static final MaterialSpec AMLODIPINE = api("API-AMLO", "Amlodipine besilate", 40, 8.5);
    static final MaterialSpec ATORVASTATIN = api("API-ATOR", "Atorvastatin calcium trihydrate", 20, 21);
    static final MaterialSpec LISINOPRIL = api("API-LISI", "Lisinopril dihydrate", 30, 13);

    static final MaterialSpec MCC = new MaterialSpec("EXC-MCC102", "Microcrystalline cellulose PH 102", EXCIPIENT,
            "kg", "Nordhavn Cellulose A/S", MCC_SPAN, 70);
    static final MaterialSpec LACTOSE = new MaterialSpec("EXC-LACT", "Lactose monohydrate 200 mesh", EXCIPIENT,
            "kg", "Westmoor Dairy Ingredients B.V.", 30, 45);
    static final MaterialSpec POVIDONE = new MaterialSpec("EXC-PVPK30", "Povidone K30", EXCIPIENT, "kg",
            "Rhein Polymer Chemie GmbH", 60, 10);
    static final MaterialSpec CROSCARMELLOSE = new MaterialSpec("EXC-CCS", "Croscarmellose sodium", EXCIPIENT, "kg",
            "Nordhavn Cellulose A/S", 60, 7.5);
    static final MaterialSpec MAGNESIUM_STEARATE = new MaterialSpec("EXC-MGST", "Magnesium stearate (vegetable)",
            EXCIPIENT, "kg", "Alpine Oleochemicals AG", 80, 2.5);
    static final MaterialSpec FILM_COATING = new MaterialSpec("COAT-WHITE", "Film-coating system, white (PVA based)",
            RAW_MATERIAL, "kg", "Colorwell Coatings Ltd", 40, 8);
    static final MaterialSpec PURIFIED_WATER = new MaterialSpec("UTIL-PW", "Purified water (Ph. Eur.)", UTILITY,
            "kg", "In-house water system PW-01", WATER_SPAN, 60);
    static final MaterialSpec BLISTER_FILM = new MaterialSpec("PKG-PVDC", "PVC/PVdC blister film 250 µm", PACKAGING,
            "m2", "Baltic Packaging Films SIA", 25, 800);
    static final MaterialSpec LIDDING_FOIL = new MaterialSpec("PKG-ALU", "Aluminium lidding foil 20 µm", PACKAGING,
            "m2", "Baltic Packaging Films SIA", 25, 700);
    static final MaterialSpec CARTON = new MaterialSpec("PKG-CTN", "Folding carton, printed", PACKAGING, "ea",
            "Lindqvist Board Print AB", 15, 40000);
    static final MaterialSpec LEAFLET = new MaterialSpec("PKG-PIL", "Patient information leaflet", PACKAGING, "ea",
            "Lindqvist Board Print AB", 15, 40000);

    static final List<Product> PRODUCTS = List.of(
            new Product("METF500", "Metformin 500 mg film-coated tablets", METFORMIN, 600, 0.833, 30),
            new Product("AMLO5", "Amlodipine 5 mg film-coated tablets", AMLODIPINE, 200, 0.0347, 30),
            new Product("ATOR20", "Atorvastatin 20 mg film-coated tablets", ATORVASTATIN, 250, 0.0868, 30),
            new Product("LISI10", "Lisinopril 10 mg film-coated tablets", LISINOPRIL, 200, 0.0545, 28));

    static final List<MaterialSpec> PURCHASED = List.of(METFORMIN, AMLODIPINE, ATORVASTATIN, LISINOPRIL, MCC,
            LACTOSE, POVIDONE, CROSCARMELLOSE, MAGNESIUM_STEARATE, FILM_COATING, PURIFIED_WATER, BLISTER_FILM,
            LIDDING_FOIL, CARTON, LEAFLET);

    private Catalog() {
    }

    private static MaterialSpec api(String code, String name, int spanOrders, double perOrder) {
        return new MaterialSpec(code, name, API, "kg", "Hanseatic Fine Chemicals GmbH", spanOrders, perOrder);
    }
}
