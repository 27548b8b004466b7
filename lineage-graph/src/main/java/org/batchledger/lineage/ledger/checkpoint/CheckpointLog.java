package org.batchledger.lineage.ledger.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every checkpoint the hub signed, kept outside the database in an append-only file beside its key
 * ({@value #FILE_NAME}). A record is the line {@code checkpoint <n>} followed by the {@code n} bytes of the signed
 * note (UTF-8, ending in a newline): a note's own blank line can never be taken for a boundary, the file reads
 * with {@code cat}, and a record cut short by a crash is recognisable as such.
 *
 * <p>Each append is forced to the storage device ({@code fsync}) before it returns, so a checkpoint is kept before
 * the database or any client sees it.
 */
public final class CheckpointLog {
    public static final String FILE_NAME = "checkpoints.log";
    private static final String HEADER = "checkpoint ";
    private static final Pattern HEADER_LINE = Pattern.compile("checkpoint ([1-9][0-9]{0,8})");
    private static final Pattern HEADER_WITH_PART_OF_ITS_NUMBER = Pattern.compile("checkpoint [0-9]{0,9}");
    private static final int MAX_HEADER = HEADER.length() + 10;

    private final Path file;

    public CheckpointLog(Path file) {
        this.file = file;
    }

    /** The log beside the hub key in {@code keyDirectory}. */
    public static CheckpointLog beside(Path keyDirectory) {
        return new CheckpointLog(keyDirectory.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * What the file holds: its complete records in order, where they end, and whether the bytes after them are
     * the start of a record a crash cut short (harmless: that note was never kept, so never given out) or
     * something else (damage, reported).
     */
    public record Contents(List<String> notes, long validLength, long tornBytes, String damage) {
    }

    public Contents read() {
        byte[] bytes;
        try {
            bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint log " + file, e);
        }
        List<String> notes = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int newline = indexOf(bytes, (byte) '\n', at, Math.min(bytes.length, at + MAX_HEADER + 1));
            String header = new String(bytes, at, (newline < 0 ? Math.min(bytes.length, at + MAX_HEADER) : newline)
                    - at, StandardCharsets.US_ASCII);
            Matcher m = HEADER_LINE.matcher(header);
            if (newline < 0 || !m.matches()) {
                boolean torn = newline < 0 && bytes.length - at <= MAX_HEADER && (HEADER.startsWith(header)
                        || HEADER_WITH_PART_OF_ITS_NUMBER.matcher(header).matches());
                return torn ? new Contents(notes, at, bytes.length - at, null)
                        : new Contents(notes, at, 0, "no record header at byte " + at);
            }
            int length = Integer.parseInt(m.group(1));
            if (newline + 1L + length > bytes.length) {
                return new Contents(notes, at, bytes.length - at, null);
            }
            notes.add(new String(bytes, newline + 1, length, StandardCharsets.UTF_8));
            at = newline + 1 + length;
        }
        return new Contents(List.copyOf(notes), at, 0, null);
    }

    /**
     * Appends one note after the first {@code validLength} bytes (dropping a torn record a crash left there) and
     * forces it to disk.
     */
    void append(String note, long validLength) {
        byte[] body = note.getBytes(StandardCharsets.UTF_8);
        byte[] header = (HEADER + body.length + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                if (channel.size() > validLength) {
                    channel.truncate(validLength);
                }
                ByteBuffer record = ByteBuffer.allocate(header.length + body.length).put(header).put(body).flip();
                long position = validLength;
                while (record.hasRemaining()) {
                    position += channel.write(record, position);
                }
                channel.force(true);
            }
            if (created) {
                forceDirectory(directory); // the new file's name must survive a crash too
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the checkpoint log " + file, e);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a directory be opened; the file's own data is forced already
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
