package org.batchledger.hub.ui;

import java.io.IOException;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser tests' usual hub, one Spring context for every class extending this: a re-authentication window longer
 * than a test on a loaded machine (re-authentication itself is UiSigningBrowserIT's subject, with its own window).
 */
abstract class SharedHubBrowserBase extends BrowserTestBase {
    @DynamicPropertySource
    static void sharedHub(DynamicPropertyRegistry registry) throws IOException {
        hub(registry, Duration.ofMinutes(30));
    }
}
