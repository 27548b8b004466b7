package org.batchledger.synthplant;

import java.util.List;

/**
 * The plant's people, by role. The pools are disjoint, so a batch performed by an operator, reviewed by QA and
 * released by a QP always carries three different signers (segregation of duties).
 */
final class Staff {
    static final List<Person> OPERATORS = List.of(
            new Person("akowalski", "Anna Kowalski"), new Person("bnguyen", "Binh Nguyen"),
            new Person("cfernandez", "Carlos Fernandez"), new Person("dmuller", "Dana Müller"),
            new Person("eokafor", "Emeka Okafor"), new Person("fsato", "Fumiko Sato"));
    static final List<Person> REVIEWERS = List.of(
            new Person("glindqvist", "Greta Lindqvist"), new Person("hbrennan", "Hugh Brennan"));
    static final List<Person> RELEASERS = List.of(
            new Person("iricci", "Ilaria Ricci"), new Person("jdubois", "Jean Dubois"));
    static final List<Person> ANALYSTS = List.of(
            new Person("kpatel", "Kiran Patel"), new Person("lmorales", "Lucia Morales"),
            new Person("mhansen", "Mads Hansen"));
    static final List<Person> WAREHOUSE = List.of(
            new Person("nivanova", "Nadia Ivanova"), new Person("oschmidt", "Olaf Schmidt"));
    static final List<Person> ENGINEERS = List.of(
            new Person("pwalsh", "Patrick Walsh"), new Person("qzhang", "Qing Zhang"));
    static final List<Person> QA = List.of(
            new Person("glindqvist", "Greta Lindqvist"), new Person("rosei", "Ruth Osei"));
    /**
     * QA data-integrity reviewers, who review the audit trail of a batch's records (EU GMP Annex 11 §9): they neither
     * perform, record nor review batch records, so their review is independent of all three.
     */
    static final List<Person> AUDIT_TRAIL_REVIEWERS = List.of(
            new Person("sadeyemi", "Sola Adeyemi"), new Person("tvirtanen", "Taina Virtanen"));

    private Staff() {
    }

    /**
     * The colleague who verifies a cleaning or calibration {@code performer} did (a second person): the next one in
     * the same pool. Chosen without the dice, so the plant's random stream, and every other record, stays as it was.
     */
    static Person secondPerson(List<Person> pool, Person performer) {
        return pool.get((pool.indexOf(performer) + 1) % pool.size());
    }

    record Person(String username, String printedName) {
    }
}
