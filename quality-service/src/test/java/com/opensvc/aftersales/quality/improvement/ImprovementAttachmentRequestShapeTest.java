package com.opensvc.aftersales.quality.improvement;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-05: the attachment endpoints' roles and refusals (400, 413, 415 naming file), on a web slice (no platform). */
@WebSliceTest(value = ImprovementAttachmentController.class,
        properties = "aftersales.quality.improvement.attachment-max-size=1KB")
@Import({AttachmentFiles.class, ImprovementAttachmentRequestShapeTest.Properties.class})
class ImprovementAttachmentRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] PNG = AttachmentFilesTest.bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D);
    private static final List<String> ADDERS = List.of("QUALITY", "SUPERVISOR", "CUSTOMER_MANAGER");
    private static final List<String> READ_ONLY = List.of("MANAGER", "SERVICE_DIRECTOR", "TECHNICAL_DIRECTOR");
    private static final List<String> OUTSIDERS = List.of("FRONT_DESK", "TECHNICIAN", "STOREKEEPER", "REVISIT_AGENT",
            "FINANCE", "GENERAL_MANAGER", "ADMIN");

    @TestConfiguration
    @EnableConfigurationProperties(ImprovementReportProperties.class)
    static class Properties {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ImprovementAttachments attachments;

    private static String base(UUID id) {
        return "/api/quality/improvement-reports/" + id + "/attachments";
    }

    private static MockMultipartHttpServletRequestBuilder upload(UUID id, String name, String type, byte[] bytes) {
        return MockMvcRequestBuilders.multipart(base(id)).file(new MockMultipartFile("file", name, type, bytes));
    }

    private MvcResult perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static void assertNamesFile(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).containsExactly("file");
    }

    private static ImprovementAttachment attachment(UUID reportId) {
        return new ImprovementAttachment(UUID.randomUUID(), reportId, "seal.png", "image/png", PNG.length, "ab",
                "qe.sun", Instant.EPOCH);
    }

    @Test
    @DisplayName("QLT-05 SEC-01 no token → 401; outsiders 403 everywhere; readers who add nothing 403 on upload")
    void QLT05_roles() throws Exception {
        UUID id = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        assertThat(perform(upload(id, "a.png", "image/png", PNG)).getResponse().getStatus()).isEqualTo(401);
        assertThat(perform(MockMvcRequestBuilders.get(base(id))).getResponse().getStatus()).isEqualTo(401);
        assertThat(perform(MockMvcRequestBuilders.get(base(id) + "/" + file)).getResponse().getStatus()).isEqualTo(401);
        for (String role : OUTSIDERS) {
            assertThat(perform(upload(id, "a.png", "image/png", PNG).with(as("x", role))).getResponse().getStatus())
                    .as(role).isEqualTo(403);
            assertThat(perform(MockMvcRequestBuilders.get(base(id)).with(as("x", role))).getResponse().getStatus())
                    .as(role).isEqualTo(403);
            assertThat(perform(MockMvcRequestBuilders.get(base(id) + "/" + file).with(as("x", role)))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
        }
        for (String role : READ_ONLY) {
            assertThat(perform(upload(id, "a.png", "image/png", PNG).with(as("x", role))).getResponse().getStatus())
                    .as(role).isEqualTo(403);
        }
        assertThat(perform(MockMvcRequestBuilders.get(base(id)).with(as("sup.ma", "SUPERVISOR"))).getResponse()
                .getStatus()).as("a supervisor supplies photos but reads no report").isEqualTo(403);
        verifyNoInteractions(attachments);

        when(attachments.add(eq(id), any(), any(), any()))
                .thenReturn(new ImprovementAttachments.Added(attachment(id), true));
        for (String role : ADDERS) {
            MvcResult added = perform(upload(id, "seal.png", "image/png", PNG).with(as("x", role)));
            assertThat(added.getResponse().getStatus()).as(role).isEqualTo(201);
            assertThat(added.getResponse().getHeader("Location")).startsWith(base(id) + "/");
        }
        when(attachments.list(eq(id), any())).thenReturn(new PageOf<>(List.of(attachment(id)), 0, 20, 1));
        for (String role : List.of("QUALITY", "MANAGER", "SERVICE_DIRECTOR", "TECHNICAL_DIRECTOR", "CUSTOMER_MANAGER")) {
            assertThat(perform(MockMvcRequestBuilders.get(base(id)).with(as("x", role))).getResponse().getStatus())
                    .as(role).isEqualTo(200);
        }
        verify(attachments, org.mockito.Mockito.atLeastOnce()).list(id, new Paging(0, 20));
    }

    @Test
    @DisplayName("QLT-05 missing or empty file → 400 naming file; larger than attachment-max-size → 413 naming file")
    void QLT05_missingEmptyTooLarge() throws Exception {
        UUID id = UUID.randomUUID();
        MvcResult missing = perform(MockMvcRequestBuilders.multipart(base(id))
                .file(new MockMultipartFile("photo", "a.png", "image/png", PNG)).with(as("qe.sun", "QUALITY")));
        assertNamesFile(missing, 400);
        assertNamesFile(perform(upload(id, "a.png", "image/png", new byte[0]).with(as("qe.sun", "QUALITY"))), 400);
        byte[] big = new byte[1025];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertNamesFile(perform(upload(id, "a.png", "image/png", big).with(as("qe.sun", "QUALITY"))), 413);
        byte[] justFits = new byte[1024];
        System.arraycopy(PNG, 0, justFits, 0, PNG.length);
        when(attachments.add(eq(id), any(), any(), any()))
                .thenReturn(new ImprovementAttachments.Added(attachment(id), true));
        assertThat(perform(upload(id, "a.png", "image/png", justFits).with(as("qe.sun", "QUALITY")))
                .getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    @DisplayName("QLT-05 the type comes from the magic bytes: text named .png, a PNG declared JPEG, an unknown type → 415 naming file; a JSON body → 415 naming Content-Type")
    void QLT05_typeFromContent() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] text = "not a picture at all".getBytes(StandardCharsets.UTF_8);
        assertNamesFile(perform(upload(id, "fake.png", "image/png", text).with(as("qe.sun", "QUALITY"))), 415);
        assertNamesFile(perform(upload(id, "fake.png", "application/octet-stream", text)
                .with(as("qe.sun", "QUALITY"))), 415);
        assertNamesFile(perform(upload(id, "real.jpg", "image/jpeg", PNG).with(as("qe.sun", "QUALITY"))), 415);
        assertNamesFile(perform(upload(id, "x.gif", "image/gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII))
                .with(as("qe.sun", "QUALITY"))), 415);
        MvcResult json = perform(MockMvcRequestBuilders.post(base(id)).contentType(MediaType.APPLICATION_JSON)
                .content("{}").with(as("qe.sun", "QUALITY")));
        assertThat(json.getResponse().getStatus()).isEqualTo(415);
        assertThat(json.getResponse().getContentAsString()).contains("Content-Type");
        verifyNoInteractions(attachments);

        when(attachments.add(eq(id), any(), any(), any()))
                .thenReturn(new ImprovementAttachments.Added(attachment(id), true));
        assertThat(perform(upload(id, "../../seal.png", "application/octet-stream", PNG).with(as("qe.sun", "QUALITY")))
                .getResponse().getStatus()).as("no declared type: the bytes decide").isEqualTo(201);
        var checked = org.mockito.ArgumentCaptor.forClass(AttachmentFiles.CheckedFile.class);
        verify(attachments).add(eq(id), checked.capture(), any(), eq("qe.sun"));
        assertThat(checked.getValue().fileName()).isEqualTo("seal.png");
        assertThat(checked.getValue().contentType()).isEqualTo("image/png");
        assertThat(checked.getValue().sha256()).hasSize(64);
    }

    @Test
    @DisplayName("QLT-05 a download is an attachment with its stored type, never sniffed; a bad id → 400 naming it")
    void QLT05_downloadHeaders() throws Exception {
        UUID id = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        when(attachments.content(id, file))
                .thenReturn(new ImprovementAttachmentRepository.Content("门封.png", "image/png", PNG));
        MvcResult download = perform(MockMvcRequestBuilders.get(base(id) + "/" + file)
                .with(as("cm.zhao", "CUSTOMER_MANAGER")));
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PNG);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%E9%97%A8%E5%B0%81.png");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        MvcResult bad = perform(MockMvcRequestBuilders.get(base(id) + "/not-a-uuid").with(as("qe.sun", "QUALITY")));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("attachmentId");
    }
}
