package com.opensvc.aftersales.intake.knowledge;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Optimistic concurrency on articles: the ETag is the version; edits must send it back in {@code If-Match}. */
final class ArticleVersions {
    private ArticleVersions() {
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** Accepts {@code "3"}, {@code W/"3"} or {@code 3}; missing → 428, anything but the current version → 412. */
    static void requireMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                    "Send the article's ETag in If-Match");
            problem.setProperty("currentVersion", currentVersion);
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (!value.equals("*") && !value.equals(Integer.toString(currentVersion))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                    "The article has changed since you read it (version " + currentVersion + "); reload and retry");
            problem.setProperty("currentVersion", currentVersion);
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
        }
    }
}
