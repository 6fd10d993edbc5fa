package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

import tools.jackson.databind.JsonNode;

/**
 * SEC-04 proven end to end: customers with distinctive phones and addresses are created, registered with tickets
 * (existing customer and inline), accepted (so dispatch, parts, quality and revisit read the events), looked up by
 * caller number (known, unknown, malformed), searched by phone in a query string and refused to a wrong role — all
 * through the gateway — and then every log line the JVM wrote meanwhile is searched for those phones and addresses
 * in their common forms.
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ExtendWith(RunningPlatform.class)
class PersonalDataNeverLoggedTest {
    private static final Duration HOP = Duration.ofSeconds(60);
    // distinctive: the 555-01xx block is reserved for fiction; nothing else in a run writes these digits
    private static final String PHONE = "+86 731 5550199";
    private static final String INLINE_PHONE = "+86 731 5550288";
    private static final String UNKNOWN_PHONE = "+86 731 5550377";
    private static final String SITE_PHONE = "+86 731 5550466";
    private static final String ADDRESS = "湖南省长沙市岳麓区SEC04路99号";
    private static final String SECOND_ADDRESS = "湖南省长沙市天心区SEC04街17号";

    private static PlatformClient client;
    private static LogCapture logs;

    @BeforeAll
    static void connect(PlatformClient platform) {
        client = platform;
        // after the platform started: each starting Spring application re-initialises Logback
        logs = LogCapture.start(LogCapture.concat(List.of(
                LogCapture.phoneForms(PHONE, "86", "731", "5550199"),
                LogCapture.phoneForms(INLINE_PHONE, "86", "731", "5550288"),
                LogCapture.phoneForms(UNKNOWN_PHONE, "86", "731", "5550377"),
                LogCapture.phoneForms(SITE_PHONE, "86", "731", "5550466"),
                LogCapture.addressForms(ADDRESS, "SEC04路99号"),
                LogCapture.addressForms(SECOND_ADDRESS, "SEC04街17号"))));
    }

    @AfterAll
    static void release() {
        if (logs != null) {
            logs.close();
        }
    }

    @Test
    @DisplayName("SEC-04 no phone or address of a customer appears in any log line while registrations and caller lookups run through the gateway")
    void SEC04_phonesAndAddressesNeverReachTheLogs() throws Exception {
        // the witness itself finds a planted line in each form, so a silent scan cannot pass by accident
        for (String planted : List.of("caller +86 731 5550199", "tel=867315550199", "phone 731-5550199",
                "addr " + ADDRESS, "q=%2B86+731+5550199", "{\"line\":\"\\u6e56\\u5357\\u7701\\u957f\\u6c99\\u5e02\\u5cb3\\u9e93\\u533aSEC04\\u8def99\\u53f7\"}")) {
            assertThat(logs.needleIn(planted)).as(planted).isNotNull();
        }

        String desk = client.token("front-desk");
        String supervisor = client.token("supervisor");

        // a customer with a contact phone, a site contact and two addresses (INT-02 / the customer file)
        var customer = client.post("/api/intake/customers", Map.of(
                "name", "SEC04 Customer", "region", "NORTH",
                "contacts", List.of(Map.of("name", "Li Na", "phone", PHONE, "primary", true),
                        Map.of("name", "Site Guard", "phone", SITE_PHONE, "role", "site")),
                "addresses", List.of(Map.of("label", "home", "line", ADDRESS, "city", "长沙市", "region", "NORTH",
                                "postalCode", "410083", "primary", true),
                        Map.of("label", "shop", "line", SECOND_ADDRESS, "city", "长沙市", "region", "NORTH"))), desk);
        assertThat(customer.status()).as(customer.body().toString()).isEqualTo(201);
        String customerId = customer.body().get("id").asString();

        // the same phone again: a duplicate is answered without repeating the number in a log
        var again = client.post("/api/intake/customers", Map.of("name", "SEC04 Twin", "region", "NORTH",
                "contacts", List.of(Map.of("name", "Li Na", "phone", PHONE))), desk);
        assertThat(again.status()).as(again.body().toString()).isLessThan(500);

        // registrations: the existing customer, and a new one created inline with its phone; both accepted, so the
        // ticket events (with the site contact) travel to dispatch, parts, quality and revisit
        List<String> tickets = new ArrayList<>();
        for (Map<String, Object> ref : List.<Map<String, Object>>of(Map.of("id", customerId),
                Map.of("name", "SEC04 Inline", "phone", INLINE_PHONE, "region", "NORTH"))) {
            var registered = client.post("/api/intake/tickets", ticket(ref, "SN-SEC04-" + tickets.size()), desk);
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
            String ticketId = registered.body().get("id").asString();
            assertThat(client.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status()).isEqualTo(200);
            tickets.add(ticketId);
        }
        // bad input carrying the phone: refused as a problem report, never logged with the value
        var badPhone = client.post("/api/intake/tickets", ticket(Map.of("name", "SEC04 Bad", "phone", PHONE + " ext. 9",
                "region", "NORTH"), "SN-SEC04-BAD"), desk);
        assertThat(badPhone.status()).isEqualTo(400);

        // caller lookups (INT-24): known, inline-created, unknown, malformed, and a role that may not look up
        for (String phone : List.of(PHONE, INLINE_PHONE, UNKNOWN_PHONE, SITE_PHONE, "867315550199")) {
            var lookup = client.post("/api/intake/caller-lookup", Map.of("phone", phone), desk);
            assertThat(lookup.status()).as(phone + " " + lookup.body()).isEqualTo(200);
        }
        assertThat(client.post("/api/intake/caller-lookup", Map.of("phone", PHONE + " <script>"), desk).status()).isEqualTo(400);
        assertThat(client.post("/api/intake/caller-lookup", Map.of("phone", PHONE), client.token("storekeeper")).status())
                .isEqualTo(403);
        assertThat(client.post("/api/intake/caller-lookup", Map.of("phone", PHONE), null).status()).isEqualTo(401);

        // the customer list searched by phone: the number is in the query string (access and gateway logs)
        var search = client.get("/api/intake/customers?phone=%2B86%20731%205550199", desk);
        assertThat(search.status()).as(search.body().toString()).isEqualTo(200);
        assertThat(client.get("/api/intake/customers/" + customerId, desk).status()).isEqualTo(200);

        // the consumers have read the events: dispatch opened both work orders; then a moment for the rest
        for (String ticketId : tickets) {
            await().atMost(HOP).until(() -> client.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor)
                    .body().get("items"), items -> items.size() == 1);
        }
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);

        assertThat(logs.attached()).as("the capture was still on the root logger at the end").isTrue();
        assertThat(logs.eventsSeen()).as("log events seen during the run").isPositive();
        assertThat(logs.consoleLinesSeen()).as("console lines seen during the run").isPositive();
        assertThat(logs.leaks()).as("log lines with a customer's phone or address (SEC-04)").isEmpty();
    }

    private static Map<String, Object> ticket(Map<String, Object> customer, String serial) {
        return Map.of(
                "customer", customer,
                "productModel", "AC-3200", "productLine", "AIR_CONDITIONER", "serialNumber", serial,
                "shipDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                "faultDescription", "Unit does not cool",
                "channel", "PHONE", "serviceType", "ON_SITE",
                "expectedParts", List.of(Map.of("partNumber", "CMP-100", "quantity", 1)));
    }
}
