package io.duban.command.commitment;

import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.evidence.CompletionEvidenceWaived;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.command.api.UploadedFile;
import io.duban.command.api.evidence.WaiveCompletionEvidence;
import io.duban.command.evidence.InMemoryEvidenceStorage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static io.duban.command.api.CommandRefusedException.Reason.INVALID_INPUT;
import static io.duban.command.api.CommandRefusedException.Reason.NOT_PERMITTED;
import static io.duban.command.api.CommandRefusedException.Reason.RULE_VIOLATED;
import static io.duban.command.commitment.Fixtures.*;
import static io.duban.command.commitment.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** 佐证材料: files go with the event they support, their bytes are kept only when it is, and no completion without. */
class CommitmentEvidenceTest {

    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    private final InMemoryEvidenceStorage storage = new InMemoryEvidenceStorage();
    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(new InMemoryItemCatalog().with(POLICY, ITEM_31));
        fixture.registerInjectableResource(storage.intake());
        fixture.registerInjectableResource(new Timekeeping(new FixtureClock(fixture, ZoneId.of("Asia/Shanghai")),
                new TestCalendar(), new SchedulePolicy(List.of(), List.of(), LocalTime.of(9, 0))));
    }

    @Test
    void a_progress_report_carries_its_files_and_their_bytes_are_kept() {
        fixture.given(registered())
                .when(new ReportProgress(ID, 40, "办法已起草", null, FINANCE_OFFICIAL, List.of(PROOF)))
                .expectEvents(new ProgressReported(ID, 40, 0, "办法已起草", null, FINANCE_OFFICIAL),
                        new EvidenceAttached(ID, EvidenceOccasion.PROGRESS_REPORT, null, List.of(PROOF_FILE),
                                FINANCE_OFFICIAL));

        assertThat(storage.stored()).containsOnlyKeys(PROOF_FILE.sha256());
        assertThat(storage.read(PROOF_FILE.sha256())).hasValue(PROOF_PDF);
    }

    @Test
    void a_milestone_completion_carries_its_files_named_by_the_milestone() {
        fixture.given(registered())
                .when(new CompleteMilestone(ID, "M1", "办法已印发", FINANCE_OFFICIAL,
                        List.of(new UploadedFile("印发文件.png", PHOTO))))
                .expectEvents(new MilestoneCompleted(ID, "M1", "办法已印发", FINANCE_OFFICIAL),
                        new EvidenceAttached(ID, EvidenceOccasion.MILESTONE_COMPLETION, "M1",
                                List.of(new io.duban.command.api.evidence.EvidenceFile(sha256(PHOTO), PHOTO.length,
                                        "印发文件.png", "image/png")), FINANCE_OFFICIAL));
    }

    @Test
    void without_files_nothing_is_attached() {
        fixture.given(registered())
                .when(new ReportProgress(ID, 40, null, null, FINANCE_OFFICIAL))
                .expectEvents(new ProgressReported(ID, 40, 0, null, null, FINANCE_OFFICIAL));
    }

    @Test
    void a_claim_without_evidence_is_refused() {
        fixture.given(allMilestonesDone())
                .when(new ClaimCompletion(ID, "补助已拨付", FINANCE_OFFICIAL))
                .expectException(refused(RULE_VIOLATED, "completion.evidence-required"))
                .expectNoEvents();
    }

    @Test
    void the_office_may_allow_a_claim_without_evidence_for_a_reason() {
        fixture.given(allMilestonesDone())
                .when(new WaiveCompletionEvidence(ID, " 拨付凭证由财政系统直接报送 ", OFFICE))
                .expectEvents(new CompletionEvidenceWaived(ID, "拨付凭证由财政系统直接报送", OFFICE));
        fixture.given(append(allMilestonesDone(), new CompletionEvidenceWaived(ID, "凭证另行报送", OFFICE)))
                .when(new ClaimCompletion(ID, "补助已拨付", FINANCE_OFFICIAL))
                .expectEvents(new CompletionClaimed(ID, "补助已拨付", FINANCE_OFFICIAL));
    }

    @Test
    void only_the_office_waives_with_a_reason_once_and_not_after_verification() {
        fixture.given(allMilestonesDone())
                .when(new WaiveCompletionEvidence(ID, "我们自己同意", FINANCE_OFFICIAL))
                .expectException(refused(NOT_PERMITTED, "commitment.office-only"))
                .expectNoEvents();
        fixture.given(allMilestonesDone())
                .when(new WaiveCompletionEvidence(ID, " ", OFFICE))
                .expectException(refused(INVALID_INPUT, "input.required"))
                .expectNoEvents();
        fixture.given(append(allMilestonesDone(), new CompletionEvidenceWaived(ID, "凭证另行报送", OFFICE)))
                .when(new WaiveCompletionEvidence(ID, "再次同意", OFFICE))
                .expectException(refused(RULE_VIOLATED, "evidence.already-waived"))
                .expectNoEvents();
        fixture.given(append(allMilestonesDone(), new CompletionClaimed(ID, "补助已拨付", FINANCE_OFFICIAL),
                        new CompletionVerified(ID, null, OFFICE)))
                .when(new WaiveCompletionEvidence(ID, "补充", OFFICE))
                .expectException(refused(RULE_VIOLATED, "commitment.verified"))
                .expectNoEvents();
    }

    @Test
    void a_bad_file_refuses_the_whole_command_and_nothing_is_stored() {
        byte[] script = "#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII);
        fixture.given(allMilestonesDone())
                .when(new ClaimCompletion(ID, "补助已拨付", FINANCE_OFFICIAL, false,
                        List.of(PROOF, new UploadedFile("凭证.pdf", script))))
                .expectException(refused(INVALID_INPUT, "evidence.type-not-allowed"))
                .expectNoEvents();

        assertThat(storage.stored()).isEmpty();
    }

    @Test
    void a_command_refused_by_a_rule_stores_none_of_its_files() {
        fixture.given(registered(), new ProgressReported(ID, 60, 0, null, null, FINANCE_OFFICIAL))
                .when(new ReportProgress(ID, 40, null, null, FINANCE_OFFICIAL, List.of(PROOF)))
                .expectException(refused(RULE_VIOLATED, "progress.decrease-needs-reason"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new ReportProgress(ID, 40, null, null, EDUCATION_OFFICIAL, List.of(PROOF)))
                .expectException(refused(NOT_PERMITTED, "commitment.not-your-unit"))
                .expectNoEvents();

        assertThat(storage.stored()).isEmpty();
    }

    @Test
    void the_same_content_twice_is_one_file() {
        fixture.given(allMilestonesDone())
                .when(new ClaimCompletion(ID, "补助已拨付", FINANCE_OFFICIAL, false, List.of(PROOF, PROOF)))
                .expectEvents(new CompletionClaimed(ID, "补助已拨付", FINANCE_OFFICIAL),
                        proofAttachedToClaim(FINANCE_OFFICIAL));
    }

    private static Object[] allMilestonesDone() {
        return new Object[]{registered(), new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL),
                new MilestoneCompleted(ID, "M2", null, FINANCE_OFFICIAL)};
    }

    private static Object[] append(Object[] events, Object... more) {
        Object[] result = java.util.Arrays.copyOf(events, events.length + more.length);
        System.arraycopy(more, 0, result, events.length, more.length);
        return result;
    }
}
