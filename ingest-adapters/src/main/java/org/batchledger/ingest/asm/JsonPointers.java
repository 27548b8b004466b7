package org.batchledger.ingest.asm;

/** RFC 6901 JSON pointers: member names escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
final class JsonPointers {
    private JsonPointers() {
    }

    static String child(String pointer, String member) {
        return pointer + "/" + member.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
