package org.batchledger.hub.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A ZIP archive holding the same (stored) entry twice, written byte by byte: the JDK's writer refuses duplicate
 * names, and a hostile package is exactly what a verifier must meet.
 */
final class DuplicateZip {
    private DuplicateZip() {
    }

    static byte[] of(String name, byte[] content) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] offsets = new int[2];
        for (int i = 0; i < 2; i++) {
            offsets[i] = out.size();
            ByteBuffer h = le(30 + n.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue())
                    .putInt(content.length).putInt(content.length).putShort((short) n.length).putShort((short) 0)
                    .put(n);
            out.writeBytes(h.array());
            out.writeBytes(content);
        }
        int cdStart = out.size();
        for (int i = 0; i < 2; i++) {
            ByteBuffer c = le(46 + n.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt((int) crc.getValue()).putInt(content.length).putInt(content.length)
                    .putShort((short) n.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offsets[i]).put(n);
            out.writeBytes(c.array());
        }
        int cdSize = out.size() - cdStart;
        out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 2)
                .putShort((short) 2).putInt(cdSize).putInt(cdStart).putShort((short) 0).array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
