package io.duban.command.catalog;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyTest {

    private static final Actor OFFICE = new Actor("office", "办公室", Role.OFFICE, Set.of(), Channel.WEB, null);
    private static final Actor UNIT = new Actor("czt", "财政厅", Role.UNIT, Set.of("u1"), Channel.WEB, null);

    private AggregateTestFixture<Policy> fixture;
    private String text;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new AggregateTestFixture<>(Policy.class);
        fixture.registerInjectableResource(new PolicyDocumentParser());
        try (InputStream in = getClass().getResourceAsStream("/policies/nzf-2023-1.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_office_imports_a_document_and_its_sixty_items_are_recorded() {
        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("nzf-2023-1", text, OFFICE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ImportOutcome("nzf-2023-1", true, 60))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(PolicyImported.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void importing_the_same_text_twice_records_nothing() {
        PolicyImported first = importedEvent();
        fixture.given(first)
                .when(new ImportPolicy("nzf-2023-1", text, OFFICE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ImportOutcome("nzf-2023-1", false, 60))
                .expectNoEvents();
    }

    @Test
    void a_different_text_under_an_imported_id_is_refused() {
        fixture.given(importedEvent())
                .when(new ImportPolicy("nzf-2023-1", text.replace("60", "61"), OFFICE))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void only_the_office_imports() {
        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("nzf-2023-1", text, UNIT))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("只有领导小组办公室可以导入政策文件。")
                .expectNoEvents();
    }

    @Test
    void a_malformed_id_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("NZF 2023/1", text, OFFICE))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("政策编号"))
                .expectNoEvents();
    }

    @Test
    void a_text_that_is_not_a_policy_document_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("nzf-2024-9", "这不是政策文件", OFFICE))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    private PolicyImported importedEvent() {
        ParsedPolicy parsed = new PolicyDocumentParser().parse(text);
        PolicyImported event = new PolicyImported("nzf-2023-1", parsed.documentNumber(), parsed.title(),
                parsed.year(), sha256(text), parsed.items(), parsed.coResponsibleUnits(), OFFICE);
        assertThat(event.items()).hasSize(60);
        return event;
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
