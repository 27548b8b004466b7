package org.batchledger.verifier.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The files of an evidence package, read from its ZIP into memory with the limits a hostile archive needs: the
 * archive's size, the number of entries and the bytes they expand to (a zip bomb stops at the limit, not at the
 * disk), names that are plain relative paths (no {@code ..}, no absolute path, no backslash: nothing is ever written
 * to disk, but a name that could escape a directory when unzipped is refused all the same), no name twice, and
 * the same names in the local headers as in the central directory (an unzip tool reads one, {@link ZipFile} the
 * other). Directory entries ({@code name/}, which {@code zip -r} adds) carry no content and are skipped.
 */
final class EvidencePackage {
    static final long MAX_ARCHIVE_BYTES = 1L << 30;
    static final long MAX_EXPANDED_BYTES = 2L << 30;
    static final int MAX_ENTRIES = 200_000;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._@+=-]+");

    /** The archive is unsafe or unreadable; the message says which entry and why. */
    static final class UnsafePackageException extends Exception {
        UnsafePackageException(String message) {
            super(message);
        }
    }

    private final Map<String, byte[]> files;

    private EvidencePackage(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /** Every file by its path in the archive, sorted by path. */
    Map<String, byte[]> files() {
        return files;
    }

    byte[] get(String path) {
        return files.get(path);
    }

    static EvidencePackage read(Path zip) throws UnsafePackageException, IOException {
        if (Files.size(zip) > MAX_ARCHIVE_BYTES) {
            throw new UnsafePackageException("the archive is larger than " + MAX_ARCHIVE_BYTES + " bytes");
        }
        Map<String, byte[]> files = new TreeMap<>();
        Set<String> localNames = new HashSet<>();
        long expanded = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (localNames.size() >= MAX_ENTRIES) {
                    throw new UnsafePackageException("more than " + MAX_ENTRIES + " entries");
                }
                if (!localNames.add(name)) {
                    throw new UnsafePackageException("entry " + quoted(name) + " appears twice");
                }
                checkName(name);
                if (name.endsWith("/")) {
                    continue;
                }
                byte[] bytes = readBounded(in, MAX_EXPANDED_BYTES - expanded, name);
                expanded += bytes.length;
                files.put(name, bytes);
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnsafePackageException("not a readable ZIP archive: " + e.getMessage());
        }
        if (localNames.isEmpty()) {
            throw new UnsafePackageException("not a ZIP archive, or an empty one");
        }
        checkCentralDirectory(zip, localNames);
        return new EvidencePackage(files);
    }

    private static void checkCentralDirectory(Path zip, Set<String> localNames) throws UnsafePackageException {
        Set<String> central = new HashSet<>();
        int count = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                central.add(en.nextElement().getName());
                count++;
            }
        } catch (IOException e) {
            throw new UnsafePackageException("the ZIP's central directory is unreadable: " + e.getMessage());
        }
        if (count != localNames.size() || !central.equals(localNames)) {
            throw new UnsafePackageException("the ZIP's central directory does not list the same entries as the "
                    + "archive holds (" + count + " listed, " + localNames.size() + " found)");
        }
    }

    private static void checkName(String name) throws UnsafePackageException {
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (path.isEmpty() || path.length() > 512) {
            throw new UnsafePackageException("entry name " + quoted(name) + " is empty or too long");
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new UnsafePackageException("entry name " + quoted(name)
                        + " is not a plain relative path (letters, digits, ._@+=- between slashes; no . or ..)");
            }
        }
    }

    private static byte[] readBounded(InputStream in, long room, String name) throws IOException,
            UnsafePackageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            total += n;
            if (total > room) {
                throw new UnsafePackageException("the archive expands to more than " + MAX_EXPANDED_BYTES
                        + " bytes (at " + quoted(name) + ")");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static String quoted(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
