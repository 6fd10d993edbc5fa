package com.opensvc.aftersales.quality.defect;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.json.JsonMapper;

/** The defect list's paging, on a web slice: bad paging is a problem report naming the parameter, never a 500. */
@WebSliceTest(DefectController.class)
class DefectPagingTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DefectService defects;

    private MvcResult list(String query) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/quality/defects?" + query).with(as("qe.sun", "QUALITY")))
                .andReturn();
    }

    private static String field(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        return JSON.readTree(result.getResponse().getContentAsString()).get("errors").get(0).get("field").asString();
    }

    @Test
    @DisplayName("QLT-01 bad size or page on the defect list → 400 naming it; a huge page → 200, no int overflow")
    void QLT01_defectListPaging() throws Exception {
        for (String size : List.of("size=0", "size=-1", "size=201", "size=twenty")) {
            assertThat(field(list(size))).as(size).isEqualTo("size");
        }
        for (String page : List.of("page=-1", "page=2147483648", "page=x")) {
            assertThat(field(list(page))).as(page).isEqualTo("page");
        }
        verifyNoInteractions(defects);
        assertThat(list("page=2147483647&size=200").getResponse().getStatus()).isEqualTo(200);
        verify(defects).search(null, null, null, null, null, null, null, new Paging(Integer.MAX_VALUE, 200));
        assertThat(new Paging(Integer.MAX_VALUE, 200).offset()).isPositive();
    }
}
