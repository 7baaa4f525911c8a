package io.duban.query.evidence;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.Role;
import io.duban.command.api.evidence.CompletionEvidenceWaived;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.command.api.evidence.EvidenceStorage;
import io.duban.command.api.problem.ProblemException;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.evidence.EvidenceDownload;
import io.duban.query.api.evidence.FindEvidenceFile;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.web.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 佐证材料 in the commitments view, and their download: only a file the view lists, only bytes matching its hash. */
class EvidenceViewTest extends WireMongoTest {

    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final EvidenceFile FILE = new EvidenceFile(EvidenceFile.sha256Of(PDF), PDF.length, "拨付凭证.pdf",
            "application/pdf");

    private final Map<String, byte[]> stored = new HashMap<>();
    private final EvidenceStorage storage = new EvidenceStorage() {
        @Override
        public void store(String sha256, byte[] content) {
            stored.put(sha256, content);
        }

        @Override
        public Optional<byte[]> read(String sha256) {
            return Optional.ofNullable(stored.get(sha256));
        }
    };
    private CommitmentsProjection projection;
    private CommitmentReader reader;
    private EvidenceQueries queries;
    private String id;

    @BeforeEach
    void setUp() {
        projection = new CommitmentsProjection(mongo);
        reader = new CommitmentReader(mongo);
        queries = new EvidenceQueries(reader, storage);
        id = financeRegistered().commitmentId();
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
    }

    @Test
    void the_files_a_claim_carried_are_listed_with_what_they_came_with() {
        // given
        var claimed = new CompletionClaimed(id, "补助已拨付", FINANCE_OFFICIAL);
        var attached = new EvidenceAttached(id, EvidenceOccasion.COMPLETION_CLAIM, null, List.of(FILE), FINANCE_OFFICIAL);

        // when
        projection.on(claimed, commitment(id, 1, claimed, T0.plusSeconds(60)));
        projection.on(attached, commitment(id, 2, attached, T0.plusSeconds(60)));
        projection.on(attached, commitment(id, 2, attached, T0.plusSeconds(60))); // delivered twice

        // then
        CommitmentView view = reader.byId(id).orElseThrow();
        assertThat(view.evidence()).singleElement().satisfies(e -> {
            assertThat(e.sha256()).isEqualTo(FILE.sha256());
            assertThat(e.name()).isEqualTo("拨付凭证.pdf");
            assertThat(e.size()).isEqualTo(PDF.length);
            assertThat(e.occasion()).isEqualTo(EvidenceOccasion.COMPLETION_CLAIM);
            assertThat(e.attachedBy().name()).isEqualTo(FINANCE_OFFICIAL.name());
        });
        assertThat(view.claimEvidence()).hasSize(1);
        assertThat(view.evidenceWaiver()).isNull();
    }

    @Test
    void the_offices_waiver_is_kept_with_its_reason() {
        var waived = new CompletionEvidenceWaived(id, "凭证由财政系统直接报送", OFFICE);
        projection.on(waived, commitment(id, 1, waived, T0.plusSeconds(60)));

        assertThat(reader.byId(id).orElseThrow().evidenceWaiver())
                .satisfies(w -> assertThat(w.reason()).isEqualTo("凭证由财政系统直接报送"));
    }

    @Test
    void a_listed_file_downloads_as_an_attachment_with_nosniff() {
        attach();
        stored.put(FILE.sha256(), PDF);

        EvidenceDownload download = queries.handle(new FindEvidenceFile(id, FILE.sha256()));
        ResponseEntity<byte[]> response = download.asAttachment();

        assertThat(response.getBody()).isEqualTo(PDF);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;").contains("filename*=UTF-8''%E6%8B%A8");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
    }

    @Test
    void a_file_not_listed_for_the_commitment_or_missing_bytes_is_not_found() {
        stored.put(FILE.sha256(), PDF);
        assertThatThrownBy(() -> queries.handle(new FindEvidenceFile(id, FILE.sha256())))
                .isInstanceOf(NotFoundException.class);
        attach();
        stored.clear();
        assertThatThrownBy(() -> queries.handle(new FindEvidenceFile(id, FILE.sha256())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.handle(new FindEvidenceFile("no-such", FILE.sha256())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void tampered_bytes_are_never_served() {
        attach();
        byte[] tampered = PDF.clone();
        tampered[tampered.length - 2] ^= 1;
        stored.put(FILE.sha256(), tampered);

        assertThatThrownBy(() -> queries.handle(new FindEvidenceFile(id, FILE.sha256())))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("code", "evidence.tampered"));
    }

    @Test
    void only_the_office_inspectors_and_the_own_unit_may_read_it() {
        attach();
        stored.put(FILE.sha256(), PDF);
        EvidenceDownload download = queries.handle(new FindEvidenceFile(id, FILE.sha256()));
        Actor inspector = new Actor("i", "督查员", Role.INSPECTOR, Set.of(), Channel.WEB, null);
        Actor otherUnit = new Actor("e", "李四", Role.UNIT, Set.of("other-unit"), Channel.WEB, null);

        assertThat(download.readableBy(OFFICE)).isTrue();
        assertThat(download.readableBy(inspector)).isTrue();
        assertThat(download.readableBy(FINANCE_OFFICIAL)).isTrue();
        assertThat(download.readableBy(otherUnit)).isFalse();
        assertThat(download.readableBy(null)).isFalse();
    }

    private void attach() {
        var attached = new EvidenceAttached(id, EvidenceOccasion.PROGRESS_REPORT, null, List.of(FILE), FINANCE_OFFICIAL);
        projection.on(attached, commitment(id, 1, attached, T0.plusSeconds(60)));
    }
}
