package com.opensvc.aftersales.dispatch.document;

/**
 * RPT-02: a document could not be printed because its template is missing or broken (an operator's edit): the
 * request was fine, the service's configuration is not — 503 with a problem report naming the template.
 */
public class DocumentUnavailableException extends RuntimeException {
    private final String template;

    DocumentUnavailableException(String template, String detail, Throwable cause) {
        super(detail, cause);
        this.template = template;
    }

    public String template() {
        return template;
    }
}
