package io.duban.command.directory;

import io.duban.command.api.Actor;
import io.duban.command.api.AppointOfficial;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.RemoveOfficial;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;

class OfficialTest {

    private static final Actor OFFICE = new Actor("office", "办公室", Role.OFFICE, Set.of(), Channel.WEB, null);
    private static final String FINANCE = ResponsibleUnit.idFor("自治区财政厅");
    private static final Actor FINANCE_OFFICIAL = new Actor("czt", "财政厅", Role.UNIT, Set.of(FINANCE),
            Channel.WEB, null);

    private AggregateTestFixture<Official> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Official.class);
    }

    @Test
    void the_office_appoints_an_official_for_a_unit() {
        fixture.givenNoPriorActivity()
                .when(new AppointOfficial("wang01", " 王五 ", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .expectResultMessagePayload(true)
                .expectEvents(new OfficialAppointed("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE));
    }

    @Test
    void re_appointing_with_the_same_details_records_nothing() {
        fixture.given(new OfficialAppointed("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .when(new AppointOfficial("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_change_of_role_is_a_new_appointment() {
        fixture.given(new OfficialAppointed("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .when(new AppointOfficial("wang01", "王五", OfficialRole.UNIT_LEADER, List.of(FINANCE), OFFICE))
                .expectEvents(new OfficialAppointed("wang01", "王五", OfficialRole.UNIT_LEADER, List.of(FINANCE),
                        OFFICE));
    }

    @Test
    void only_the_office_maintains_the_directory() {
        fixture.givenNoPriorActivity()
                .when(new AppointOfficial("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), FINANCE_OFFICIAL))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("只有领导小组办公室"))
                .expectNoEvents();
    }

    @Test
    void a_unit_official_needs_a_unit_and_the_office_has_none() {
        fixture.givenNoPriorActivity()
                .when(new AppointOfficial("wang01", "王五", OfficialRole.OFFICIAL, List.of(), OFFICE))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("至少属于一个责任单位"))
                .expectNoEvents();
    }

    @Test
    void the_office_role_carries_no_unit() {
        fixture.givenNoPriorActivity()
                .when(new AppointOfficial("zhou01", "周", OfficialRole.OFFICE, List.of(FINANCE), OFFICE))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void malformed_user_ids_and_unit_ids_are_refused() {
        fixture.givenNoPriorActivity()
                .when(new AppointOfficial("{\"$gt\":\"\"}", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void a_malformed_unit_id_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new AppointOfficial("wang01", "王五", OfficialRole.OFFICIAL, List.of("自治区财政厅"), OFFICE))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("单位编号"))
                .expectNoEvents();
    }

    @Test
    void a_removal_needs_a_reason_and_an_active_official() {
        fixture.given(new OfficialAppointed("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .when(new RemoveOfficial("wang01", "调离", OFFICE))
                .expectEvents(new OfficialRemoved("wang01", "调离", OFFICE));
    }

    @Test
    void a_removed_official_cannot_be_removed_again() {
        fixture.given(new OfficialAppointed("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE),
                        new OfficialRemoved("wang01", "调离", OFFICE))
                .when(new RemoveOfficial("wang01", "再次", OFFICE))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void a_name_with_control_bidi_or_broken_characters_is_refused() {
        for (String name : List.of("王\u0000五", "王\u202e五", "王\ud800")) {
            fixture.givenNoPriorActivity()
                    .when(new AppointOfficial("wang01", name, OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                    .expectException(CommandRefusedException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void an_official_belongs_to_at_most_a_hundred_units() {
        List<String> units = java.util.stream.IntStream.range(0, 101)
                .mapToObj(n -> ResponsibleUnit.idFor("单位" + n)).toList();
        fixture.givenNoPriorActivity()
                .when(new AppointOfficial("wang01", "王五", OfficialRole.OFFICIAL, units, OFFICE))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("100"))
                .expectNoEvents();
    }

    @Test
    void a_removal_reason_is_limited_like_any_free_text() {
        fixture.given(new OfficialAppointed("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .when(new RemoveOfficial("wang01", "调离\u001b[31m", OFFICE))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("控制字符"))
                .expectNoEvents();
        fixture.given(new OfficialAppointed("wang01", "王五", OfficialRole.OFFICIAL, List.of(FINANCE), OFFICE))
                .when(new RemoveOfficial("wang01", "调".repeat(1001), OFFICE))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("1000"))
                .expectNoEvents();
    }
}
