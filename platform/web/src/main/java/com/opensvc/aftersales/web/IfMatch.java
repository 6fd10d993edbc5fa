package com.opensvc.aftersales.web;

/**
 * Optimistic concurrency for writes to shared records: the client sends back the {@code ETag} it read
 * ({@code "3"}, the record's version) in {@code If-Match}. Missing → 428, malformed → 400, stale → 412.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The ETag of a record at {@code version}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version the client expects, from its If-Match header. */
    public static int expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("this write needs an If-Match header with the ETag you read");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(HEADER, "must be an ETag such as \"3\" as returned by a GET");
        }
    }

    /**
     * An optional If-Match (writes where a blind write is allowed): null when absent or {@code *} (any version),
     * otherwise the version the client expects.
     */
    public static Integer optionalExpectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        return expectedVersion(ifMatch);
    }

    /** A required If-Match checked against the current version; {@code *} matches any version. */
    public static void requireMatch(String ifMatch, int currentVersion, String resource) {
        if (ifMatch != null && ifMatch.trim().equals("*")) {
            return;
        }
        require(expectedVersion(ifMatch), currentVersion, resource);
    }

    /** @throws StaleVersionException when the record changed since the client read it */
    public static void require(int expected, int current, String resource) {
        if (expected != current) {
            throw new StaleVersionException(resource, current);
        }
    }

    /** 428: the write must be conditional. */
    public static class PreconditionRequiredException extends RuntimeException {
        public PreconditionRequiredException(String message) {
            super(message);
        }
    }

    /** 412: someone else changed the record since the client read it. */
    public static class StaleVersionException extends RuntimeException {
        private final Integer currentVersion;

        public StaleVersionException(String resource, int currentVersion) {
            super(resource + " has changed since you read it (now version " + currentVersion + "); read it again");
            this.currentVersion = currentVersion;
        }

        /** When the writer could not tell the current version (a conditional UPDATE that matched nothing). */
        public StaleVersionException(String resource) {
            super(resource + " has changed since you read it; read it again");
            this.currentVersion = null;
        }

        /** The version now stored, or null when unknown. */
        public Integer currentVersion() {
            return currentVersion;
        }
    }
}
