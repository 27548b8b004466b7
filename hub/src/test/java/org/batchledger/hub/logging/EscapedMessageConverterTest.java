package org.batchledger.hub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Control characters in a logged message are escaped, by the production logging configuration itself. */
@Tag("REQ-SECURITY-010")
class EscapedMessageConverterTest {

    @Test
    void lineBreaksTabsEscapesAndLineSeparatorsAreEscapedAndPlainTextIsKept() {
        assertThat(EscapedMessageConverter.escape("field a\r\nINFO forged\tx\u001b[31m\u2028"))
                .isEqualTo("field a\\r\\nINFO forged\\tx\\u001b[31m\\u2028");
        String plain = "Refused correction of Lot:t:LOT-1 (Ä, µg/mL)";
        assertThat(EscapedMessageConverter.escape(plain)).isSameAs(plain);
    }

    @Test
    void theProductionLogbackConfigurationWritesAForgedLineAsOneEscapedLine() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            // the plain-text branch of logback-spring.xml, as Spring's logging system includes it
            configurator.doConfigure(new java.io.ByteArrayInputStream("""
                    <configuration>
                      <include resource="logback-escaped-console.xml"/>
                      <root level="INFO"><appender-ref ref="CONSOLE"/></root>
                    </configuration>""".getBytes(StandardCharsets.UTF_8)));
            context.getLogger("org.batchledger.test").info("Refused correction: field {}",
                    "quantity\r\n2026-01-01 INFO FORGED admin approved batch");
        } finally {
            context.stop();
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("field quantity\\r\\n2026-01-01 INFO FORGED").doesNotContain("\n2026-01-01");
    }
}
