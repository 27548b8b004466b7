package org.batchledger.hub.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with control characters escaped ({@code \n}, {@code \r}, {@code \t}, {@code \u001b} …), so a
 * value from a request (a correction's field name, a file name) cannot start a forged log line or hide text from a
 * terminal. Registered in {@code logback-spring.xml} for {@code %m}, {@code %msg} and {@code %message}; stack
 * traces keep their lines.
 */
public final class EscapedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return escape(super.convert(event));
    }

    public static String escape(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? message : out.toString();
    }
}
