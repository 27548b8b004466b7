package org.batchledger.synthplant;

/** The plant's departments an order run writes through; one set per generated stream. */
record Departments(PlantContext plant, EquipmentPark engineering, RawMaterialStore warehouse, Lab lab,
                   QualitySystem qa, Signer signer, BatchWriter production) {

    static Departments of(PlantContext plant) {
        Lab lab = new Lab(plant);
        return new Departments(plant, new EquipmentPark(plant), new RawMaterialStore(plant, lab), lab,
                new QualitySystem(plant), new Signer(plant), new BatchWriter(plant));
    }
}
