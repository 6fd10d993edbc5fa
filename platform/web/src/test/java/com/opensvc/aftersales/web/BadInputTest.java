package com.opensvc.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.web.probe.ProbeApplication;

/**
 * Bad input that reached the services as a 500 (or was silently accepted) in issue 11, refused once for all in the
 * platform: each case on a small application that uses only the web auto-configuration.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class BadInputTest {
    private static final String ORDERS = "/api/probe/orders";

    @Autowired
    private MockMvc mvc;

    @LocalServerPort
    private int port;

    private static RequestPostProcessor agent() {
        Jwt jwt = Jwt.withTokenValue("probe").header("alg", "none").subject("agent-1")
                .claim(ResourceServerSecurity.ROLES_CLAIM, List.of("AGENT"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return SecurityMockMvcRequestPostProcessors.authentication(ResourceServerSecurity.authentication(jwt));
    }

    private ResultActions postOrder(String json) throws Exception {
        return perform(post(ORDERS).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(agent()));
    }

    private static ResultActions invalid(ResultActions result, String field, String message) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)))
                .andExpect(content().string(not(containsString("java."))))
                .andExpect(content().string(not(containsString("com.opensvc"))));
    }

    private static String order(String more) {
        return "{\"customer\":{\"name\":\"Erika\"}" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    @Nested
    class ControlCharacters {
        @Test
        @DisplayName("Bad input: a NUL character in a JSON text field is a 400 naming the field, not a 500")
        void nulInNestedField() throws Exception {
            invalid(postOrder("{\"customer\":{\"name\":\"Eri\\u0000ka\"}}"), "customer.name", "control characters");
        }

        @Test
        @DisplayName("Bad input: a right-to-left override in a list element's field is a 400 naming contacts[0].phone")
        void bidiOverrideInListElement() throws Exception {
            invalid(postOrder(order("\"contacts\":[{\"name\":\"Max\",\"phone\":\"+49\u202E321\"}]")),
                    "contacts[0].phone", "control characters");
        }

        @Test
        @DisplayName("Bad input: a terminal escape in a list of texts or a C1 control in a map key is a 400")
        void escapeInListAndMapKey() throws Exception {
            invalid(postOrder(order("\"tags\":[\"ok\",\"\\u001b[31mred\"]")), "tags[1]", "control characters");
            invalid(postOrder(order("\"labels\":{\"a\\u0085b\":\"x\"}")), "labels", "has a key that must not contain");
        }

        @Test
        @DisplayName("Bad input: a NUL in a query parameter is a 400 naming the parameter, not a 500")
        void nulInQueryParameter() throws Exception {
            invalid(perform(get(ORDERS).queryParam("q", "abc\u0000")), "q", "control characters");
        }

        @Test
        @DisplayName("Bad input: a right-to-left override in a path variable is a 400 naming it")
        void bidiOverrideInPathVariable() throws Exception {
            invalid(perform(get(ORDERS + "/{reference}", "TK\u202E42")), "reference", "control characters");
        }

        @Test
        @DisplayName("Legitimate input: free text with tabs, newlines, umlauts and CJK passes unchanged")
        void freeTextPasses() throws Exception {
            postOrder(order("\"notes\":\"Line one\\n\\tLine two\\r\\nMüller 张伟 ✓\",\"labels\":{\"Größe\":\"L\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.notes").value("Line one\n\tLine two\r\nMüller 张伟 ✓"));
            perform(get(ORDERS).queryParam("q", "Müller\tGmbH")).andExpect(status().isOk());
        }
    }

    @Nested
    class NullsInLists {
        @Test
        @DisplayName("Bad input: null inside a list (expectedParts: [null], contacts: [null]) is a 400 naming the element")
        void nullElement() throws Exception {
            invalid(postOrder(order("\"expectedParts\":[null]")), "expectedParts[0]", "must not be null");
            invalid(postOrder(order("\"contacts\":[{\"name\":\"Max\"},null]")), "contacts[1]", "must not be null");
            invalid(postOrder(order("\"labels\":{\"size\":null}")), "labels.size", "must not be null");
        }

        @Test
        @DisplayName("Legitimate input: an absent or null list and an empty list still pass")
        void absentOrEmptyListPasses() throws Exception {
            postOrder(order("\"contacts\":null,\"expectedParts\":[]")).andExpect(status().isOk());
        }
    }

    @Nested
    class WholeNumbers {
        @Test
        @DisplayName("Bad input: a fractional quantity is a 400 naming the field, not silently truncated")
        void fractionalQuantity() throws Exception {
            invalid(postOrder(order("\"lines\":[{\"quantity\":1.5}]")), "lines[0].quantity", "must be a whole number");
        }

        @Test
        @DisplayName("Bad input: a whole number too large for the field is a 400 naming it")
        void hugeQuantity() throws Exception {
            invalid(postOrder(order("\"lines\":[{\"quantity\":99999999999}]")), "lines[0].quantity", "out of range");
        }
    }

    @Nested
    class DatesAtTheEdgeOfTheRange {
        @Test
        @DisplayName("Bad input: a date at the edge of the ISO range in a body (+999999999-12-31, year 0) is a 400")
        void bodyDates() throws Exception {
            invalid(postOrder(order("\"dueOn\":\"+999999999-12-31\"")), "dueOn", "years 0001 to 9999");
            invalid(postOrder(order("\"dueOn\":\"0000-01-01\"")), "dueOn", "years 0001 to 9999");
            invalid(postOrder(order("\"contactedAt\":\"-999999999-01-01T00:00:00Z\"")), "contactedAt",
                    "years 0001 to 9999");
            invalid(postOrder(order("\"contactedAt\":\"+10000-01-01T00:00:00Z\"")), "contactedAt",
                    "years 0001 to 9999");
            invalid(postOrder(order("\"period\":\"0000-12\"")), "period", "years 0001 to 9999");
        }

        @Test
        @DisplayName("Bad input: a date at the edge of the ISO range in a filter (registeredTo, dueBefore) is a 400")
        void parameterDates() throws Exception {
            invalid(perform(get(ORDERS).queryParam("registeredTo", "+999999999-12-31")), "registeredTo",
                    "years 0001 to 9999");
            invalid(perform(get(ORDERS).queryParam("registeredTo", "-999999999-01-01")), "registeredTo",
                    "years 0001 to 9999");
            invalid(perform(get(ORDERS).queryParam("dueBefore", "0000-06-01T00:00:00Z")), "dueBefore",
                    "years 0001 to 9999");
        }

        @Test
        @DisplayName("Bad input: a filter that is not a date is a 400 saying what a date looks like, no Java class")
        void unparsableParameter() throws Exception {
            invalid(perform(get(ORDERS).queryParam("registeredTo", "tomorrow")), "registeredTo",
                    "must be a date like 2026-12-01");
            invalid(perform(get(ORDERS).queryParam("dueBefore", "soon")), "dueBefore", "must be a date and time");
        }

        @Test
        @DisplayName("Legitimate input: dates from 0001-01-01 to 9999-12-31 pass")
        void datesInRangePass() throws Exception {
            postOrder(order("\"dueOn\":\"9999-12-31\",\"contactedAt\":\"0001-01-01T00:00:00Z\",\"period\":\"2026-12\""))
                    .andExpect(status().isOk());
            perform(get(ORDERS).queryParam("registeredTo", "2026-12-01").queryParam("dueBefore", "2026-12-01T09:30:00Z"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.registeredTo").value("2026-12-01"));
        }
    }

    @Nested
    class ParseErrorsInPlainWords {
        @Test
        @DisplayName("Bad input: a malformed UUID in a list is a 400 saying 'must be a UUID', never java.util.UUID")
        void uuid() throws Exception {
            invalid(postOrder(order("\"expectedParts\":[\"not-a-uuid\"]")), "expectedParts[0]", "must be a UUID");
        }

        @Test
        @DisplayName("Bad input: an unknown enum value in a body or a filter lists the allowed values, no class name")
        void enumValue() throws Exception {
            invalid(postOrder(order("\"serviceType\":\"TELEPATHY\"")), "serviceType",
                    "must be one of ON_SITE, CARRY_IN, REMOTE");
            invalid(perform(get(ORDERS).queryParam("serviceType", "TELEPATHY")), "serviceType",
                    "must be one of ON_SITE, CARRY_IN, REMOTE");
        }

        @Test
        @DisplayName("Bad input: malformed JSON is a 400 naming the line and column, no parser internals")
        void malformedJson() throws Exception {
            invalid(postOrder("{\n  \"customer\": {\"name\": \"Erika\"},\n  \"notes\": ,\n}"), "body",
                    "malformed JSON at line 3, column");
        }

        @Test
        @DisplayName("Bad input: text where an object or a list belongs says what belongs there")
        void wrongShape() throws Exception {
            invalid(postOrder("{\"customer\":\"Erika\"}"), "customer", "must be an object");
            invalid(postOrder(order("\"contacts\":{\"name\":\"Max\"}")), "contacts", "must be a list");
        }
    }

    @Test
    @DisplayName("Bad input: an unknown charset in Content-Type is a 415 naming the Content-Type header, not a 500")
    void unknownCharset() throws Exception {
        perform(post(ORDERS).header("Content-Type", "application/json;charset=x-unknown").content(order("")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
    }

    @Test
    @DisplayName("Bad input: a Content-Type an endpoint does not take is a 415 naming the Content-Type header")
    void unsupportedMediaType() throws Exception {
        perform(post(ORDERS).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
    }

    @Test
    @DisplayName("Bad input: %2F or %00 in a path is a problem report, not Tomcat's HTML error page")
    void encodedSlashOrNulInPath() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/probe/orders/a%2Fb", "/api/probe/orders/a%00b")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(path).contains("\"status\":400").doesNotContain("<html")
                    .doesNotContain("a%2Fb").doesNotContain("a%00b");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("SEC-04 an unexpected error logs its type, the path template and a correlation id, never its message")
    void SEC04_unexpectedErrorLogsNoValues(CapturedOutput output) throws Exception {
        String body = perform(get("/api/probe/failure").queryParam("phone", "+49 170 5550123"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.correlationId").isString())
                .andExpect(content().string(not(containsString("5550123"))))
                .andReturn().getResponse().getContentAsString();
        String correlationId = body.replaceAll(".*\"correlationId\":\"([^\"]+)\".*", "$1");

        assertThat(output.getAll()).contains(correlationId).contains("java.lang.IllegalStateException")
                .contains("java.sql.SQLException").contains("GET /api/probe/failure")
                .doesNotContain("5550123").doesNotContain("Mustermann").doesNotContain("contact_phone");
    }

    @Test
    @DisplayName("A request that gets no database connection in time is a 503 with Retry-After, not a 500")
    void saturatedPoolIsServiceUnavailable() throws Exception {
        perform(get("/api/probe/saturated"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    @DisplayName("A request whose upstream did not answer in time (an IOException caused by a timeout) is a 503, not a 500")
    void timedOutUpstreamIsServiceUnavailable() throws Exception {
        perform(get("/api/probe/timed-out"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
