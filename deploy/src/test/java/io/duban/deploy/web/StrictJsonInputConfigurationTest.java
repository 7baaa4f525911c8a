package io.duban.deploy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.duban.command.api.OfficialRole;
import io.duban.command.web.AppointOfficialRequest;
import io.duban.command.web.DeadlineChangeRequest;
import io.duban.command.web.MajorIssueRequest;
import io.duban.command.web.NoteRequest;
import io.duban.command.web.ProgressRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies are read exactly as written: no second copy of a key, no trailing data, no type guessing. */
class StrictJsonInputConfigurationTest {

    private final ObjectMapper shared = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ObjectMapper strict = StrictJsonInputConfiguration.strict(shared);

    @Test
    void valid_bodies_read_as_before() throws Exception {
        assertThat(strict.readValue("{\"percent\":60,\"note\":\"按计划\"}", ProgressRequest.class))
                .isEqualTo(new ProgressRequest(60, "按计划", null));
        assertThat(strict.readValue("{\"requestedDueDate\":\"2027-06-30\",\"reason\":\"r\"}",
                DeadlineChangeRequest.class).requestedDueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(strict.readValue("{\"userId\":\"u1\",\"name\":\"王\",\"role\":\"OFFICIAL\",\"units\":[\"财政厅\"]}",
                AppointOfficialRequest.class).role()).isEqualTo(OfficialRole.OFFICIAL);
        assertThat(strict.readValue("{\"percent\":-0}", ProgressRequest.class).percent()).isZero();
    }

    @Test
    void a_key_given_twice_is_refused() {
        // the lenient reader kept the last value, or (records, creator properties) failed with a 500
        assertThatThrownBy(() -> strict.readValue("{\"percent\":-1,\"percent\":60}", ProgressRequest.class))
                .hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> shared.readValue("{\"detail\":\"a\",\"summary\":\"s\",\"detail\":\"b\"}",
                MajorIssueRequest.class)).as("what happened before").isNotNull();
        assertThatThrownBy(() -> strict.readValue("{\"detail\":\"a\",\"summary\":\"s\",\"detail\":\"b\"}",
                MajorIssueRequest.class)).hasMessageContaining("Duplicate field");
    }

    @Test
    void anything_after_the_value_is_refused() throws Exception {
        assertThat(shared.readValue("{\"text\":\"同意\"}}", NoteRequest.class)).as("lenient: ignored")
                .isEqualTo(new NoteRequest("同意"));
        assertThatThrownBy(() -> strict.readValue("{\"text\":\"同意\"}}", NoteRequest.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"text\":\"同意\"} {\"text\":\"x\"}", NoteRequest.class))
                .hasMessageContaining("Trailing token");
    }

    @Test
    void numbers_are_never_guessed_from_strings_or_fractions() throws Exception {
        assertThat(shared.readValue("{\"percent\":100.0000000000000001}", ProgressRequest.class).percent())
                .as("lenient: truncated").isEqualTo(100);
        for (String body : new String[]{"{\"percent\":\"60\"}", "{\"percent\":\"٦٠\"}", "{\"percent\":60.5}",
                "{\"percent\":1e2}", "{\"percent\":\"\"}", "{\"percent\":true}"}) {
            assertThatThrownBy(() -> strict.readValue(body, ProgressRequest.class)).as(body).isNotNull();
        }
    }

    @Test
    void text_enums_and_dates_only_from_their_own_json_types() throws Exception {
        assertThat(shared.readValue("{\"text\":false}", NoteRequest.class).text()).as("lenient").isEqualTo("false");
        for (String body : new String[]{"{\"text\":false}", "{\"text\":123}", "{\"text\":1.5}"}) {
            assertThatThrownBy(() -> strict.readValue(body, NoteRequest.class)).as(body).isNotNull();
        }
        assertThatThrownBy(() -> strict.readValue("{\"userId\":\"u\",\"name\":\"n\",\"role\":1}",
                AppointOfficialRequest.class)).as("enum by index").isNotNull();
        assertThat(shared.readValue("{\"requestedDueDate\":20270630}", DeadlineChangeRequest.class)
                .requestedDueDate().getYear()).as("lenient: an epoch day").isGreaterThan(50_000);
        assertThatThrownBy(() -> strict.readValue("{\"requestedDueDate\":20270630}", DeadlineChangeRequest.class))
                .isNotNull();
        assertThatThrownBy(() -> strict.readValue("{\"requestedDueDate\":\"2027-02-30\"}", DeadlineChangeRequest.class))
                .isNotNull();
    }

    @Test
    void enum_names_and_dates_are_not_trimmed_of_controls_or_spaces() throws Exception {
        assertThat(shared.readValue("{\"role\":\"OFFICIAL\\u0001\"}", AppointOfficialRequest.class).role())
                .as("lenient: trimmed").isEqualTo(OfficialRole.OFFICIAL);
        assertThat(shared.readValue("{\"requestedDueDate\":\"\\u00002027-06-30\"}", DeadlineChangeRequest.class)
                .requestedDueDate()).as("lenient: trimmed").isEqualTo(LocalDate.of(2027, 6, 30));
        for (String role : new String[]{"OFFICIAL\\u0001", "\\u0000OFFICIAL", " OFFICIAL", "OFFICIAL\\n"}) {
            assertThatThrownBy(() -> strict.readValue("{\"role\":\"" + role + "\"}", AppointOfficialRequest.class))
                    .as(role).isNotNull();
        }
        for (String date : new String[]{"\\u00002027-06-30", "2027-06-30\\u0001", " 2027-06-30", "2027-06-30 "}) {
            assertThatThrownBy(() -> strict.readValue("{\"requestedDueDate\":\"" + date + "\"}",
                    DeadlineChangeRequest.class)).as(date).isNotNull();
        }
        assertThat(strict.readValue("{\"role\":\"UNIT_LEADER\"}", AppointOfficialRequest.class)
                .role()).isEqualTo(OfficialRole.UNIT_LEADER);
    }

    @Test
    void the_shared_mapper_is_not_changed() throws Exception {
        StrictJsonInputConfiguration.strict(shared);
        assertThat(shared.readValue("{\"percent\":\"60\"}", ProgressRequest.class).percent()).isEqualTo(60);
    }
}
