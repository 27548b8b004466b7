package org.batchledger.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.ledger.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The watched folder {@code <data-dir>/ingest/inbox}: each file there goes through the pipeline and then to
 * {@code processed/} (ingested, or a duplicate) or {@code failed/}, with its report beside it as
 * {@code <name>.report.json}. Half-written files are never taken: a file is taken only when its size and
 * modification time are the same at two polls in a row, and names ending {@code .part} or starting with a dot
 * are skipped (a sender may write {@code x.part} and rename it to {@code x} when done). Files are ingested one at
 * a time as {@code system:drop-folder}. Off unless {@code batchledger.ingest.drop-folder.enabled}.
 */
@Component
class DropFolder implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);
    static final Actor ACTOR = Actor.system("drop-folder");
    private final IngestPipeline pipeline;
    private final IngestSettings.DropFolder settings;
    private final Path inbox;
    private final Path processed;
    private final Path failed;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private ScheduledExecutorService scheduler;

    DropFolder(IngestPipeline pipeline, IngestSettings settings, HubProperties hub) {
        this.pipeline = pipeline;
        this.settings = settings.dropFolder();
        Path root = hub.dataDir().resolve("ingest");
        this.inbox = root.resolve("inbox");
        this.processed = root.resolve("processed");
        this.failed = root.resolve("failed");
    }

    Path inbox() {
        return inbox;
    }

    /** One look at the inbox: ingests the files that held still since the last look; returns how many. */
    synchronized int poll() {
        try {
            Files.createDirectories(inbox);
            Map<Path, String> now = new HashMap<>();
            try (Stream<Path> files = Files.list(inbox)) {
                for (Path f : files.filter(Files::isRegularFile).filter(DropFolder::complete).toList()) {
                    now.put(f, Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis());
                }
            }
            List<Path> still = now.keySet().stream().filter(f -> now.get(f).equals(lastSeen.get(f))).sorted().toList();
            lastSeen.clear();
            lastSeen.putAll(now);
            still.forEach(f -> {
                take(f);
                lastSeen.remove(f);
            });
            return still.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the drop folder " + inbox, e);
        }
    }

    private static boolean complete(Path f) {
        String name = f.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".report.json");
    }

    private void take(Path file) {
        String name = file.getFileName().toString();
        IngestReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = pipeline.ingest(new Upload(in, name, null, null, null, false, ACTOR, "drop-folder"));
        } catch (IOException | RuntimeException e) {
            LOG.error("drop folder: {} could not be ingested; left in the inbox", name, e);
            return;
        }
        if (report.status() == IngestReport.Status.BUSY) {
            LOG.info("drop folder: {} waits in the inbox, the ledger is busy with another file's ingest", name);
            return;
        }
        if (report.status() == IngestReport.Status.STORAGE_FAILED) {
            LOG.error("drop folder: {} waits in the inbox, the hub cannot keep originals: {}", name,
                    report.errors().getFirst().message());
            return;
        }
        Path to = report.status() == IngestReport.Status.INGESTED ? processed : failed;
        try {
            Files.createDirectories(to);
            Path target = to.resolve(name);
            if (Files.exists(target)) {
                target = to.resolve(report.id() + "-" + name);
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            pipeline.reports().writeTo(to.resolve(target.getFileName() + ".report.json"), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + name + " out of the inbox", e);
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ingest-drop-folder"));
        long every = settings.poll().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.error("drop folder poll failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        LOG.info("drop folder: watching {} every {} ms", inbox, every);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
