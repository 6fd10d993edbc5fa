package com.opensvc.aftersales.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service's OpenAPI document says about itself ({@link OpenApiDocumentation}).
 *
 * @param title         the document's title; blank: "{@code <spring.application.name>} API"
 * @param version       the API's version shown in the document
 * @param licenseName   the licence the document names (Redocly's {@code info-license})
 * @param licenseUrl    where the licence text is
 * @param serverUrl     the one server entry: {@code /} works both on the service and through the gateway, whose
 *                      routes keep the {@code /api/<service>} prefix
 */
@ConfigurationProperties("aftersales.openapi")
public record OpenApiProperties(@DefaultValue("") String title,
                                @DefaultValue("1") String version,
                                @DefaultValue("Apache-2.0") String licenseName,
                                @DefaultValue("https://www.apache.org/licenses/LICENSE-2.0") String licenseUrl,
                                @DefaultValue("/") String serverUrl) {
}
