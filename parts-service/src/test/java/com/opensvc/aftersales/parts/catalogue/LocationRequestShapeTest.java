package com.opensvc.aftersales.parts.catalogue;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /api/parts/locations: request shapes and roles, on a web slice (no platform). */
@WebSliceTest(LocationController.class)
class LocationRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Locations locations;

    private final RequestPostProcessor storekeeper = as("store.wu", "STOREKEEPER");

    private MvcResult perform(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private MvcResult post(Object body, RequestPostProcessor as) throws Exception {
        return perform(MockMvcRequestBuilders.post("/api/parts/locations").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)), as);
    }

    private static Map<String, Object> location(Object code, Object kind, Object technicianId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("kind", kind);
        body.put("name", "Service point north");
        if (technicianId != null) {
            body.put("technicianId", technicianId);
        }
        return body;
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("DOMAIN §5 SEC-01 only the storekeeper creates and renames locations: no token 401; technician, supervisor, finance 403")
    void onlyTheStorekeeperWritesLocations() throws Exception {
        var body = location("STORE-EAST", "STORE", null);
        assertThat(post(body, null).getResponse().getStatus()).isEqualTo(401);
        for (String role : List.of("TECHNICIAN", "SUPERVISOR", "FINANCE", "MANAGER")) {
            assertThat(post(body, as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(perform(MockMvcRequestBuilders.put("/api/parts/locations/STORE-EAST").header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"East\"}"), as("someone", role))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
        }
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/locations"), as("tech.north", "TECHNICIAN"))
                .getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(locations);
    }

    @Test
    @DisplayName("DOMAIN §5 a location's code, kind and technician are checked and named: bad code, internal kinds, TECHNICIAN without technicianId")
    void locationShape() throws Exception {
        assertThat(fields(post(Map.of(), storekeeper))).containsExactlyInAnyOrder("code", "kind", "name");
        assertThat(fields(post(location("store east", "STORE", null), storekeeper))).containsExactly("code");
        assertThat(fields(post(location("-EAST", "STORE", null), storekeeper))).containsExactly("code");
        assertThat(fields(post(location("E".repeat(41), "STORE", null), storekeeper))).containsExactly("code");
        assertThat(fields(post(location("TRANSIT-STORE-EAST", "STORE", null), storekeeper)))
                .as("reserved prefix").containsExactly("code");
        assertThat(fields(post(location("STORE-EAST", "WAREHOUSE", null), storekeeper))).containsExactly("kind");
        assertThat(fields(post(location("TRANSIT-STORE-EAST", "TRANSIT", null), storekeeper))).containsExactly("kind");
        assertThat(fields(post(location("QUARANTINE-STORE-EAST", "QUARANTINE", null), storekeeper)))
                .containsExactly("kind");
        assertThat(fields(post(location("TECH-tech.east", "TECHNICIAN", null), storekeeper)))
                .containsExactly("technicianId");
        assertThat(fields(post(location("TECH-tech.west", "TECHNICIAN", "tech.east"), storekeeper)))
                .containsExactly("code");
        assertThat(fields(post(location("STORE-EAST", "STORE", "tech.east"), storekeeper)))
                .containsExactly("technicianId");
        assertThat(fields(post(location("TECH-tech east", "TECHNICIAN", "tech east"), storekeeper)))
                .contains("technicianId");
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/locations?kind=SHED"), storekeeper)))
                .containsExactly("kind");
        assertThat(fields(perform(MockMvcRequestBuilders.put("/api/parts/locations/STORE-EAST").header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"), storekeeper)))
                .containsExactly("name");
        verifyNoInteractions(locations);
    }

    @Test
    @DisplayName("DOMAIN §5 a technician's holding is TECH-<login>; well-formed locations reach the service with the storekeeper as actor")
    void wellFormed() throws Exception {
        var holding = new Location("TECH-tech.east", LocationKind.TECHNICIAN, "East van", "tech.east", null, 0, null,
                "store.wu");
        when(locations.create(any(), any(), any())).thenReturn(new Locations.Created(holding, true));
        var created = post(location("TECH-tech.east", "TECHNICIAN", "tech.east"), storekeeper);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/parts/locations/TECH-tech.east");
        verify(locations).create(any(), org.mockito.ArgumentMatchers.isNull(), eq("store.wu"));
        assertThat(perform(MockMvcRequestBuilders.put("/api/parts/locations/STORE-EAST")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"East\"}"), storekeeper)
                .getResponse().getStatus()).as("If-Match required").isEqualTo(428);
    }
}
