package org.batchledger.ingest.lims;

/** Where a field's text comes from: a column of the file or a fixed value the mapping states. */
sealed interface Source {

    /**
     * A column by its header; {@code occurrence} picks among repeated headers (Qubit's two "Units"), written
     * {@code Units#2} in a mapping; an optional column may be absent from the file.
     */
    record Column(String header, int occurrence, boolean optional) implements Source {
        static Column parse(String text, boolean optional) {
            int hash = text.lastIndexOf('#');
            if (hash > 0 && hash < text.length() - 1 && text.substring(hash + 1).chars().allMatch(Character::isDigit)) {
                return new Column(text.substring(0, hash).strip(), Integer.parseInt(text.substring(hash + 1)), optional);
            }
            return new Column(text.strip(), 1, optional);
        }

        @Override
        public String toString() {
            return occurrence == 1 ? header : header + "#" + occurrence;
        }
    }

    record Fixed(String value) implements Source {
    }
}
