package org.batchledger.hub.faults;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.batchledger.hub.HubApplication;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub as its own process, as {@code java -jar} would start it, plus the fault points of {@link HaltAt}:
 * {@code -Dfaults.halt-at=TEXT} ends the process when a message containing TEXT is logged,
 * {@code -Dfaults.pause-at=TEXT} holds there until the file {@code -Dfaults.resume} exists. Prints
 * {@code HUB-READY <port>} once it serves.
 */
final class ChildHubMain {
    private ChildHubMain() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(HubApplication.class, args);
        // after the start: Spring Boot resets logback while it starts, dropping filters added earlier
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        String halt = System.getProperty("faults.halt-at");
        String pause = System.getProperty("faults.pause-at");
        if (halt != null) {
            logback.addTurboFilter(new HaltAt(halt, false, null));
        } else if (pause != null) {
            logback.addTurboFilter(new HaltAt(pause, true, Path.of(System.getProperty("faults.resume"))));
        }
        System.out.println("HUB-READY " + context.getEnvironment().getProperty("local.server.port"));
        System.out.flush();
    }
}
