package org.batchledger.hub.api.node;

import java.util.Set;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/** Global IDs are {@code Label:key}; the API serves the node types below through {@code node(id:)}. */
public final class GlobalIds {
    public static final Set<RecordType> NODE_TYPES = Set.of(RecordType.MATERIAL, RecordType.LOT, RecordType.BATCH,
            RecordType.EQUIPMENT, RecordType.STEP_RECORD, RecordType.TEST_RESULT, RecordType.DEVIATION,
            RecordType.CLEANING, RecordType.CALIBRATION, RecordType.SIGNATURE, RecordType.SIGNATURE_WITHDRAWAL);

    private GlobalIds() {
    }

    /** Longer than any key a source system issues; a longer ID is refused before it is read or echoed. */
    static final int MAX_ID_LENGTH = 512;

    /** Any node ID the API serves. */
    public static RecordRef parse(String id) {
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("id of " + id.length() + " characters is longer than the limit "
                    + MAX_ID_LENGTH + " characters");
        }
        RecordRef ref;
        try {
            ref = RecordRef.parse(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("id '" + id + "' is not a global ID of the form Label:key, e.g. Batch:plant:B-1");
        }
        if (!NODE_TYPES.contains(ref.type())) {
            throw new BadRequestException("id '" + id + "': " + ref.type().graphName() + " is not a node type the API serves");
        }
        return ref;
    }

    /** An ID that must be of one type, e.g. {@code batch(id:)} given a lot's ID is a bad request. */
    public static String keyOf(String id, RecordType expected) {
        RecordRef ref = parse(id);
        if (ref.type() != expected) {
            throw new BadRequestException("id '" + id + "' is a " + ref.type().graphName() + ", not a "
                    + expected.graphName());
        }
        return ref.key();
    }

    /** A filter may name a record by global ID or by plain key. */
    public static String keyOrId(String value, RecordType expected) {
        if (value == null) {
            return null;
        }
        return value.startsWith(expected.graphName() + ":") ? keyOf(value, expected) : value;
    }
}
