package org.batchledger.hub.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Stops the child hub at a point of its work named by the log message that marks it: {@code halt} ends the process
 * at once ({@link Runtime#halt}: no shutdown hooks, no flush, as SIGKILL), {@code pause} holds the logging thread
 * until a file appears, so the parent can arrange something (a lock) and then kill the process itself.
 */
final class HaltAt extends TurboFilter {
    private final String fragment;
    private final boolean pause;
    private final Path resume;

    HaltAt(String fragment, boolean pause, Path resume) {
        this.fragment = fragment;
        this.pause = pause;
        this.resume = resume;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !level.isGreaterOrEqual(Level.INFO)) {
            return FilterReply.NEUTRAL;
        }
        String message = MessageFormatter.basicArrayFormat(format, params);
        if (!message.contains(fragment)) {
            return FilterReply.NEUTRAL;
        }
        System.out.println((pause ? "HUB-PAUSED " : "HUB-HALTING ") + message);
        System.out.flush();
        if (!pause) {
            Runtime.getRuntime().halt(137);
        }
        waitFor(resume);
        return FilterReply.NEUTRAL;
    }

    private static void waitFor(Path file) {
        long until = System.nanoTime() + 120_000_000_000L; // bounded: the parent kills well before
        while (!Files.exists(file) && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
