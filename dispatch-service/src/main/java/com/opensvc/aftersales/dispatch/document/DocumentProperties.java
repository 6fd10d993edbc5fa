package com.opensvc.aftersales.dispatch.document;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * RPT-02 printable documents.
 *
 * @param templateDir a directory an operator edits without a rebuild: {@code <name>.html} there replaces the packaged
 *                    {@code classpath:documents/<name>.html} (read on every print, no cache), and every {@code *.ttf}
 *                    in its {@code fonts/} folder is usable as a font family named after the file; empty = the
 *                    packaged templates only
 * @param zone        the company's time zone, in which documents print times
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.documents")
public record DocumentProperties(@DefaultValue("") String templateDir, @DefaultValue("UTC") @NotNull ZoneId zone) {
}
