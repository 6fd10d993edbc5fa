package com.opensvc.aftersales.dispatch.document;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateInputException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * RPT-02: renders a document's Thymeleaf template (the operator's from {@code template-dir} when there is one, else the
 * packaged {@code classpath:documents/<name>.html}) to XHTML — every value through {@code th:text}, so escaped — and
 * that to PDF with openhtmltopdf, embedding the packaged Noto Sans SC (family {@value #CJK_FAMILY}) and the operator's
 * fonts. A document with copies renders once per copy ({@code copy} in the template) into one PDF. A missing or broken
 * template is a {@link DocumentUnavailableException}; the log names the template and the failure's type only (the
 * model holds personal data, SEC-04).
 */
@Component
public class DocumentRenderer {
    static final String CJK_FAMILY = "Noto Sans SC";
    private static final String PACKAGED = "documents/";
    private static final String FONT = PACKAGED + "fonts/NotoSansSC-Regular.ttf";
    private static final Logger log = LoggerFactory.getLogger(DocumentRenderer.class);

    private final TemplateEngine engine = new TemplateEngine();
    private final Path templateDir;
    private final Formats formats;

    public DocumentRenderer(DocumentProperties properties) {
        this.formats = new Formats(properties.zone());
        this.templateDir = properties.templateDir().isBlank() ? null : Path.of(properties.templateDir());
        if (templateDir != null) {
            FileTemplateResolver operators = new FileTemplateResolver();
            operators.setPrefix(templateDir.toAbsolutePath() + File.separator);
            operators.setSuffix(".html");
            operators.setTemplateMode(TemplateMode.HTML);
            operators.setCharacterEncoding("UTF-8");
            operators.setCheckExistence(true);
            operators.setCacheable(false);
            operators.setOrder(1);
            engine.addTemplateResolver(operators);
        }
        ClassLoaderTemplateResolver packaged = new ClassLoaderTemplateResolver(DocumentRenderer.class.getClassLoader());
        packaged.setPrefix(PACKAGED);
        packaged.setSuffix(".html");
        packaged.setTemplateMode(TemplateMode.HTML);
        packaged.setCharacterEncoding("UTF-8");
        packaged.setCheckExistence(true);
        // not cached either: a cached packaged template would hide one an operator adds later
        packaged.setCacheable(false);
        packaged.setOrder(2);
        engine.addTemplateResolver(packaged);
    }

    /** The PDF of {@code template} with {@code model} as {@code doc}: once, or once per copy of {@code copies}. */
    public byte[] render(String template, Object model, List<String> copies) {
        List<String> each = copies.isEmpty() ? java.util.Collections.singletonList(null) : copies;
        List<byte[]> parts = new ArrayList<>();
        for (String copy : each) {
            parts.add(pdf(template, html(template, model, copy, copies)));
        }
        return parts.size() == 1 ? parts.getFirst() : merge(template, parts);
    }

    /** The XHTML the template makes of the model (exposed for tests of the escaping). */
    String html(String template, Object model, String copy, List<String> copies) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, Map.of("doc", model, "copies", copies,
                "fmt", formats));
        context.setVariable("copy", copy);
        try {
            return engine.process(template, context);
        } catch (TemplateInputException e) {
            throw unavailable(template, "missing or unreadable", e);
        } catch (RuntimeException e) {
            throw unavailable(template, "cannot be processed", e);
        }
    }

    private byte[] pdf(String template, String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> DocumentRenderer.class.getClassLoader().getResourceAsStream(FONT), CJK_FAMILY);
            operatorFonts().forEach(font -> builder.useFont(font.toFile(), fontFamily(font)));
            builder.withHtmlContent(html, baseUri());
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw unavailable(template, "is not well-formed XHTML or cannot be laid out", e);
        }
    }

    private static byte[] merge(String template, List<byte[]> parts) {
        try (PDDocument merged = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            List<PDDocument> opened = new ArrayList<>();
            try {
                for (byte[] part : parts) {
                    PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(part));
                    opened.add(document);
                    merger.appendDocument(merged, document);
                }
                merged.save(out);
            } finally {
                for (PDDocument document : opened) {
                    document.close();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("merging the copies of " + template, e);
        }
    }

    private List<Path> operatorFonts() {
        if (templateDir == null || !Files.isDirectory(templateDir.resolve("fonts"))) {
            return List.of();
        }
        try (var files = Files.list(templateDir.resolve("fonts"))) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf")).sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("Operator fonts in the document template directory unreadable: {}", e.getClass().getName());
            return List.of();
        }
    }

    private static String fontFamily(Path font) {
        String name = font.getFileName().toString();
        return name.substring(0, name.length() - ".ttf".length());
    }

    private String baseUri() {
        return templateDir == null ? null : templateDir.toUri().toString();
    }

    private static DocumentUnavailableException unavailable(String template, String what, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.error("Document template {} {} ({}, root cause {})", template, what, cause.getClass().getName(),
                root.getClass().getName());
        return new DocumentUnavailableException(template, "The document template '" + template + "' " + what
                + "; an operator must fix it in the template directory", cause);
    }

    /** {@code fmt} in a template: times in the company's zone, minutes as hours and minutes. */
    public record Formats(ZoneId zone) {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        public String time(Instant instant) {
            return instant == null ? "" : TIME.format(instant.atZone(zone));
        }

        public String minutes(int minutes) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
    }
}
