package com.opensvc.aftersales.parts.transfer;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.PageOf;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST and GET /api/parts/transfers: request shapes and roles, on a web slice (no platform). */
@WebSliceTest(TransferController.class)
class TransferRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TransferService service;

    private final RequestPostProcessor storekeeper = as("store.wu", "STOREKEEPER");

    private MvcResult perform(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private MvcResult post(Object body, RequestPostProcessor as) throws Exception {
        return perform(MockMvcRequestBuilders.post("/api/parts/transfers").contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body)), as);
    }

    private static Map<String, Object> transfer(Object from, Object to, Object reason, Object quantity) {
        Map<String, Object> line = new HashMap<>();
        line.put("partNumber", "CMP-100");
        line.put("quantity", quantity);
        Map<String, Object> body = new HashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("reason", reason);
        body.put("lines", List.of(line));
        return body;
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("PRT-01 SEC-01 only the storekeeper transfers: no token 401; technician, supervisor, manager 403")
    void PRT01_onlyTheStorekeeperTransfers() throws Exception {
        var body = transfer("STORE-NORTH", "STORE-SOUTH", "balance", 1);
        assertThat(post(body, null).getResponse().getStatus()).isEqualTo(401);
        for (String role : List.of("TECHNICIAN", "SUPERVISOR", "MANAGER", "FINANCE")) {
            assertThat(post(body, as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/transfers"), as("tech.north", "TECHNICIAN"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/transfers"), null).getResponse().getStatus())
                .isEqualTo(401);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-01 PRT-02 a transfer needs from, to, a reason and positive whole quantities; each bad field is named")
    void PRT01_shape() throws Exception {
        assertThat(fields(post("{}", storekeeper))).containsExactlyInAnyOrder("from", "to", "reason", "lines");
        for (Object bad : List.of(0, -2, 2.5, "two")) {
            assertThat(fields(post(transfer("STORE-NORTH", "STORE-SOUTH", "balance", bad), storekeeper)))
                    .as(String.valueOf(bad)).containsExactly("lines[0].quantity");
        }
        assertThat(fields(post(transfer("STORE-NORTH", "STORE\u0085SOUTH", "balance", 1), storekeeper)))
                .containsExactly("to");
        assertThat(fields(post(transfer("STORE-NORTH", "STORE-SOUTH", " ", 1), storekeeper)))
                .containsExactly("reason");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-01 a well-formed transfer reaches the service; the list pages and filters by from and to")
    void PRT01_wellFormed() throws Exception {
        UUID id = UUID.randomUUID();
        Transfer transfer = new Transfer(id, "STORE-NORTH", "STORE-SOUTH", "balance", List.of(new PartLine("CMP-100",
                1)), "store.wu", Instant.parse("2026-11-23T01:00:00Z"), List.of());
        when(service.transfer(any(), any(), any())).thenReturn(new TransferService.Transferred(transfer, true));
        var created = post(transfer("STORE-NORTH", "STORE-SOUTH", "balance", 1), storekeeper);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/parts/transfers/" + id);

        when(service.search(any(), any(), any())).thenReturn(new PageOf<>(List.of(transfer), 0, 20, 1));
        var list = perform(MockMvcRequestBuilders.get("/api/parts/transfers?to=STORE-SOUTH"),
                as("sup.zhao", "SUPERVISOR"));
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        verify(service).search(eq(null), eq("STORE-SOUTH"), any());
        assertThat(JSON.readTree(list.getResponse().getContentAsString()).get("items").get(0).get("from").asString())
                .isEqualTo("STORE-NORTH");
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/transfers?page=-1"), storekeeper)))
                .containsExactly("page");
    }
}
