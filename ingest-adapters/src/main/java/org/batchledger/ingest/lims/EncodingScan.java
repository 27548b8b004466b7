package org.batchledger.ingest.lims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Finds the line of the first byte that is not in the declared encoding. The reader decodes ahead in blocks, so
 * only a second pass over the bytes can say where; it runs only for a file already being refused.
 */
final class EncodingScan {
    private EncodingScan() {
    }

    /** The 1-based line (counting LF bytes) of the first malformed byte, or -1 when every byte decodes. */
    static long firstBadLine(InputStream in, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        boolean end = false;
        while (!end) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            bytes.position(bytes.position() + Math.max(n, 0)).flip();
            int start = bytes.position();
            CoderResult r = decoder.decode(bytes, chars, end);
            line += newlines(bytes.array(), start, bytes.position());
            if (r.isError()) {
                return line;
            }
            chars.clear();
            bytes.compact();
        }
        return -1;
    }

    private static int newlines(byte[] b, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
