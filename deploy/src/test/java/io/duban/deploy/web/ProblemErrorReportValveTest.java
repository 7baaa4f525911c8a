package io.duban.deploy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tomcat's own refusals are written as Chinese problem details. */
class ProblemErrorReportValveTest {

    @Test
    void the_report_is_a_problem_detail_with_a_chinese_detail_and_a_code() throws Exception {
        for (int status : new int[]{400, 404, 413, 431, 500, 505}) {
            JsonNode body = new ObjectMapper().readTree(ProblemErrorReportValve.json(status));
            assertThat(body.path("status").asInt()).isEqualTo(status);
            assertThat(body.path("title").asText()).containsPattern("\\p{IsHan}");
            assertThat(body.path("detail").asText()).containsPattern("\\p{IsHan}");
            assertThat(body.path("code").asText()).isNotBlank();
            assertThat(body.path("type").asText()).startsWith("urn:duban:problem:");
        }
    }
}
