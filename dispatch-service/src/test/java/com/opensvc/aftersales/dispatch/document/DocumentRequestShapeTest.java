package com.opensvc.aftersales.dispatch.document;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.ForbiddenException;

/** RPT-02 the document endpoints: roles, SEC-02, unknown documents and broken templates, on a web slice. */
@WebSliceTest(DocumentController.class)
class DocumentRequestShapeTest {
    private static final UUID ID = UUID.fromString("8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905");
    private static final byte[] PDF = "%PDF-1.7 test".getBytes();
    @Autowired
    MockMvc mvc;
    @MockitoBean
    DocumentService documents;

    private MvcResult get(String document, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/work-orders/" + ID + "/documents/" + document)
                .with(as(subject, roles))).andReturn();
    }

    @Test
    @DisplayName("RPT-02 a supervisor and a manager print the dispatch slip and the service report as application/pdf")
    void RPT02_supervisorAndManagerPrint() throws Exception {
        when(documents.print(any(), eq(ID), isNull())).thenReturn(PDF);
        for (String role : new String[] {"SUPERVISOR", "MANAGER"}) {
            for (String document : new String[] {"dispatch-slip.pdf", "service-report.pdf"}) {
                MvcResult result = get(document, "boss", role);
                assertThat(result.getResponse().getStatus()).as(role + " " + document).isEqualTo(200);
                assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
                assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF);
            }
        }
        verify(documents, org.mockito.Mockito.times(2)).print(eq(PrintableDocument.DISPATCH_SLIP), eq(ID), isNull());
        verify(documents, org.mockito.Mockito.times(2)).print(eq(PrintableDocument.SERVICE_REPORT), eq(ID), isNull());
    }

    @Test
    @DisplayName("RPT-02 SEC-02 a technician prints as themself: their own order's slip, another's → 403")
    void RPT02_SEC02_technicianPrintsOnlyTheirOwn() throws Exception {
        when(documents.print(PrintableDocument.DISPATCH_SLIP, ID, "tech.north")).thenReturn(PDF);
        when(documents.print(PrintableDocument.DISPATCH_SLIP, ID, "tech.south"))
                .thenThrow(new ForbiddenException("work order " + ID + " is not assigned to you"));
        assertThat(get("dispatch-slip.pdf", "tech.north", "TECHNICIAN").getResponse().getStatus()).isEqualTo(200);
        assertThat(get("dispatch-slip.pdf", "tech.south", "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("RPT-02 SEC-01 other roles may not print work-order documents → 403 before any work")
    void RPT02_otherRolesRefused() throws Exception {
        for (String role : new String[] {"FRONT_DESK", "QUALITY", "STOREKEEPER", "REVISIT_AGENT"}) {
            assertThat(get("dispatch-slip.pdf", "someone", role).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        verifyNoInteractions(documents);
    }

    @Test
    @DisplayName("RPT-02 an unknown document → 404; a malformed work-order id → 400 naming it")
    void RPT02_unknownDocument() throws Exception {
        assertThat(get("price-list.pdf", "boss", "SUPERVISOR").getResponse().getStatus()).isEqualTo(404);
        MvcResult bad = mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/work-orders/nope/documents/dispatch-slip.pdf")
                .with(as("boss", "SUPERVISOR"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("id");
    }

    @Test
    @DisplayName("RPT-02 a missing or broken template → 503 problem report naming the template, not a 500")
    void RPT02_brokenTemplateIs503() throws Exception {
        when(documents.print(any(), eq(ID), isNull())).thenThrow(new DocumentUnavailableException("dispatch-slip",
                "The document template 'dispatch-slip' cannot be processed; an operator must fix it in the template directory",
                new IllegalStateException()));
        MvcResult result = get("dispatch-slip.pdf", "boss", "SUPERVISOR");
        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains("\"template\":\"dispatch-slip\"", "operator");
    }
}
