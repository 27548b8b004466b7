package org.batchledger.hub.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.batchledger.hub.api.UnavailableException;
import org.batchledger.lineage.evidence.EvidenceExporter;
import org.batchledger.verifier.proof.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built packages under {@code <data-dir>/evidence}: {@code <id>.zip} beside {@code <id>.owner} (the token subject
 * that exported it, the only one who may download it). The ID is 128 random bits. Bounded: at most
 * {@code concurrentExports} exports run at once, and before each one packages older than {@code keep} or beyond the
 * newest {@code maxKept} are deleted.
 */
final class EvidenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Path blobs;
    private final EvidenceSettings settings;
    private final EvidenceExporter exporter;
    private final Clock clock;
    private final Semaphore slots;

    /** A built package: where to fetch it and what it is. */
    record Built(String id, EvidenceExporter.Export export, Instant expiresAt) {
        String downloadUrl() {
            return "/api/evidence/" + id + ".zip";
        }
    }

    EvidenceStore(Path dataDir, EvidenceSettings settings, EvidenceExporter exporter, Clock clock) {
        this.dir = dataDir.resolve("evidence");
        this.blobs = dataDir.resolve("blobs").resolve("sha256");
        this.settings = settings;
        this.exporter = exporter;
        this.clock = clock;
        this.slots = new Semaphore(Math.max(1, settings.concurrentExports()));
    }

    Built export(EvidenceExporter.Request request) {
        boolean got;
        try {
            got = slots.tryAcquire(settings.busyWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new UnavailableException("evidence exports are all busy; retry in a moment");
        }
        try {
            Files.createDirectories(dir);
            expire();
            String id = HexFormat.of().formatHex(bytes16());
            long start = System.nanoTime();
            EvidenceExporter.Export export = exporter.export(request, dir.resolve(id + ".zip"), this::original);
            Files.writeString(dir.resolve(id + ".owner"), request.requestedBySubject(), StandardCharsets.UTF_8);
            LOG.info("Evidence package {} of {} as of {}: {} files, {} bytes, in {} ms", id, export.subject(),
                    export.asOf(), export.fileCount(), export.sizeBytes(), (System.nanoTime() - start) / 1_000_000);
            return new Built(id, export, clock.instant().plus(settings.keep()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            slots.release();
        }
    }

    /** The package {@code id} if it exists and {@code subject} exported it; null otherwise (the caller says 404). */
    Path open(String id, String subject) throws IOException {
        if (!ID.matcher(id).matches()) {
            return null;
        }
        Path zip = dir.resolve(id + ".zip");
        Path owner = dir.resolve(id + ".owner");
        if (!Files.isRegularFile(zip) || !Files.isRegularFile(owner)
                || !Files.readString(owner, StandardCharsets.UTF_8).equals(subject)) {
            return null;
        }
        return zip;
    }

    /** The original of an ingested file, read from the blob store and checked against its hash; null if not so. */
    private byte[] original(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return null;
        }
        Path blob = blobs.resolve(sha256.substring(0, 2)).resolve(sha256);
        try {
            byte[] bytes = Files.isRegularFile(blob) ? Files.readAllBytes(blob) : null;
            return bytes != null && Sha256.hex(bytes).equals(sha256) ? bytes : null;
        } catch (IOException e) {
            LOG.warn("Original {} unreadable: {}", sha256, e.getMessage());
            return null;
        }
    }

    private void expire() throws IOException {
        Instant cutoff = clock.instant().minus(settings.keep());
        List<Path> zips;
        List<Path> unfinished; // an export that failed or was cut short leaves its .part
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            zips = all.stream().filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing(EvidenceStore::modified).reversed()).toList();
            unfinished = all.stream().filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
        for (Path part : unfinished) {
            if (modified(part).isBefore(cutoff)) {
                Files.deleteIfExists(part);
            }
        }
        for (int i = 0; i < zips.size(); i++) {
            Path zip = zips.get(i);
            if (i >= settings.maxKept() - 1 || modified(zip).isBefore(cutoff)) {
                String name = zip.getFileName().toString();
                Files.deleteIfExists(zip);
                Files.deleteIfExists(dir.resolve(name.substring(0, name.length() - 4) + ".owner"));
            }
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static byte[] bytes16() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
