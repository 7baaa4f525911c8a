package io.duban.command.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CorrectionKind;
import io.duban.command.api.ImportCorrection;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.Role;
import io.duban.command.api.SupportItem;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;

/** A confirmed import with the office's corrections: recorded as the office decided, the corrections as such. */
class PolicyCorrectedImportTest {

    private static final Actor OFFICE = new Actor("office", "办公室", Role.OFFICE, Set.of(), Channel.WEB, null);
    private static final String TEXT = TestDocuments.text("nmg-2024-7.txt");
    private static final List<ImportCorrection> CORRECTIONS = List.of(
            new ImportCorrection(8, CorrectionKind.ARTICLE, null, "（五）"),
            new ImportCorrection(5, CorrectionKind.UNIT, "呼和浩特海关", "中华人民共和国满洲里海关"));

    private AggregateTestFixture<Policy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
        fixture.registerInjectableResource(new PolicyDocumentParser());
    }

    @Test
    void the_corrections_are_applied_and_recorded_with_what_the_parser_had_read() {
        AtomicReference<PolicyImported> recorded = new AtomicReference<>();

        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("nmg-2024-7", TEXT, OFFICE, CORRECTIONS))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(matches((Object p) -> {
                    recorded.set((PolicyImported) p);
                    return true;
                })), andNoMore()));

        PolicyImported event = recorded.get();
        assertThat(event.corrections()).containsExactly(
                new ImportCorrection(8, CorrectionKind.ARTICLE, "出处未定", "（五）"),
                new ImportCorrection(5, CorrectionKind.UNIT, "呼和浩特海关", "满洲里海关"));
        SupportItem eight = event.items().get(7);
        assertThat(eight.article()).isEqualTo("（五）");
        assertThat(eight.articleTitle()).isEqualTo("强化金融支持");
        assertThat(eight.articleConfidence()).isEqualTo(1.0);
        assertThat(event.items().get(4).units()).extracting(ResponsibleUnit::name)
                .containsExactly("自治区商务厅", "满洲里海关", "包头市人民政府");
    }

    @Test
    void a_correction_of_an_item_the_document_does_not_have_is_refused_and_nothing_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("nmg-2024-7", TEXT, OFFICE,
                        List.of(new ImportCorrection(9, CorrectionKind.ARTICLE, null, "（五）"))))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("更正中的第9项不存在：本文件共8项。")
                .expectNoEvents();
    }

    @Test
    void a_correction_of_a_unit_the_item_does_not_have_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("nmg-2024-7", TEXT, OFFICE,
                        List.of(new ImportCorrection(3, CorrectionKind.UNIT, "自治区民航内蒙古安全监管局", "民航内蒙古安全监管局"))))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("第3项没有责任单位“自治区民航内蒙古安全监管局”"))
                .expectNoEvents();
    }

    @Test
    void a_correction_to_an_article_the_body_does_not_have_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ImportPolicy("nmg-2024-7", TEXT, OFFICE,
                        List.of(new ImportCorrection(8, CorrectionKind.ARTICLE, null, "（九）"))))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void confirming_the_same_text_and_corrections_again_records_nothing_but_other_corrections_are_refused() {
        PolicyDraft draft = new PolicyDocumentParser().read(TEXT, CORRECTIONS);
        PolicyImported first = new PolicyImported("nmg-2024-7", draft.documentNumber(), draft.title(), draft.year(),
                draft.sourceSha256(), draft.parsedPolicy().items(), draft.responsibleUnits(), OFFICE,
                draft.corrections());

        fixture.given(first)
                .when(new ImportPolicy("nmg-2024-7", TEXT, OFFICE, CORRECTIONS))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ImportOutcome("nmg-2024-7", false, 8))
                .expectNoEvents();
        fixture.given(first)
                .when(new ImportPolicy("nmg-2024-7", TEXT, OFFICE, List.of()))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void an_event_stored_before_corrections_and_confidences_existed_still_reads() throws Exception {
        // given the payload of a PolicyImported as the first release stored it (no corrections, no confidences)
        String stored = """
                {"policyId":"nzf-2023-1","documentNumber":"内政发〔2023〕1号","title":"意见","year":2023,
                 "sourceSha256":"abcd","items":[{"number":1,"text":"创建国家级乳业知识产权运营中心","article":"（三）",
                 "articleTitle":"建设“世界乳都”","units":[{"unitId":"u1","name":"自治区市场监管局","coResponsible":false}],
                 "targets":[]}],"coResponsibleUnits":[],
                 "actor":{"userId":"system","name":"启动时导入","role":"OFFICE","unitIds":[],"channel":"SYSTEM"}}""";
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();

        // when
        PolicyImported event = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                new SimpleSerializedType(PolicyImported.class.getName(), null)));

        // then
        assertThat(event.corrections()).isEmpty();
        assertThat(event.items()).singleElement().satisfies(item -> {
            assertThat(item.article()).isEqualTo("（三）");
            assertThat(item.articleConfidence()).isNull();
        });
    }
}
