package com.opensvc.aftersales.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * SEC-04's witness: every log line this JVM writes while it is open — each Logback event reaching the root logger
 * (message, arguments, MDC, exceptions with their causes) and every line on {@code System.out}/{@code System.err}
 * (the console appender's output and anything printed past Logback) — is checked against the needles; the lines
 * that contain one are kept, nothing else (a run writes hundreds of thousands of lines).
 */
final class LogCapture implements AutoCloseable {
    private static final String APPENDER = "sec04-log-capture";

    private final List<String> needles;
    private final List<String> hits = new CopyOnWriteArrayList<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong consoleLines = new AtomicLong();
    private final Logger root;
    private final Scanner appender = new Scanner();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    private LogCapture(List<String> needles) {
        this.needles = needles;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.start();
        root.addAppender(appender);
        System.setOut(new PrintStream(new Tee(out, "stdout"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, "stderr"), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing; the needles are searched for case-insensitively. */
    static LogCapture start(List<String> needles) {
        return new LogCapture(needles.stream().map(String::toLowerCase).distinct().toList());
    }

    /**
     * The common ways a phone is written: as entered, digits only, without the country code, with spaces or dashes
     * between the groups, URL-encoded (a query string in an access log).
     */
    static List<String> phoneForms(String phone, String countryCode, String... groups) {
        Set<String> forms = new LinkedHashSet<>();
        String national = String.join("", groups);
        forms.add(phone);
        forms.add(countryCode + national);
        forms.add("+" + countryCode + national);
        forms.add(national);
        forms.add(String.join(" ", groups));
        forms.add(String.join("-", groups));
        forms.add(URLEncoder.encode(phone, StandardCharsets.UTF_8));
        forms.add(phone.replace("+", "%2B").replace(" ", "%20"));
        return List.copyOf(forms);
    }

    /** An address as written, its distinctive part alone, URL-encoded and as JSON's \\u escapes. */
    static List<String> addressForms(String address, String distinctivePart) {
        Set<String> forms = new LinkedHashSet<>();
        for (String text : List.of(address, distinctivePart)) {
            forms.add(text);
            forms.add(URLEncoder.encode(text, StandardCharsets.UTF_8));
            StringBuilder escaped = new StringBuilder();
            text.chars().forEach(c -> escaped.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
            forms.add(escaped.toString());
        }
        return List.copyOf(forms);
    }

    /** The lines that contained a needle, each with the needle first. */
    List<String> leaks() {
        return List.copyOf(hits);
    }

    long eventsSeen() {
        return events.get();
    }

    long consoleLinesSeen() {
        return consoleLines.get();
    }

    /** Whether the root logger still has this capture (a logging system re-initialised by a starting application would drop it). */
    boolean attached() {
        return root.getAppender(APPENDER) == appender;
    }

    /** What {@link #check} finds in one line: the needle it contains, or null. */
    String needleIn(String line) {
        String lower = line.toLowerCase();
        for (String needle : needles) {
            if (lower.contains(needle)) {
                return needle;
            }
        }
        return null;
    }

    private void check(String where, String text) {
        String needle = needleIn(text);
        if (needle != null) {
            hits.add("[" + needle + "] " + where + ": " + text);
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.detachAppender(appender);
        appender.stop();
    }

    private final class Scanner extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            events.incrementAndGet();
            StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    text.append(" | ").append(argument);
                }
            }
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                text.append(" | ").append(entry.getKey()).append('=').append(entry.getValue());
            }
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(pair -> text.append(" | ").append(pair.key).append('=').append(pair.value));
            }
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                text.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
                for (IThrowableProxy suppressed : cause.getSuppressed()) {
                    text.append(" | suppressed ").append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
                }
                for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
                    text.append(' ').append(frame.getSTEAsString());
                }
            }
            check(event.getLoggerName(), text.toString());
        }
    }

    /** Passes every byte on to the real stream and checks each finished line. */
    private final class Tee extends OutputStream {
        private final PrintStream target;
        private final String name;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(PrintStream target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            target.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    endLine();
                } else {
                    line.write(bytes[i]);
                }
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        private void endLine() {
            consoleLines.incrementAndGet();
            check(name, line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    static List<String> concat(List<List<String>> lists) {
        List<String> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }
}
