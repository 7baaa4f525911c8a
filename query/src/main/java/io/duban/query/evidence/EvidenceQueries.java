package io.duban.query.evidence;

import io.duban.command.api.evidence.EvidenceFile;
import io.duban.command.api.evidence.EvidenceStorage;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.evidence.EvidenceDownload;
import io.duban.query.api.evidence.FindEvidenceFile;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.web.NotFoundException;
import io.duban.command.api.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * Answers {@link FindEvidenceFile}: the commitments view says which files belong to which commitment (so a hash of
 * another commitment's file finds nothing here), the storage gives the bytes. Bytes that no longer match their hash
 * are never served (409 {@code evidence.tampered}); the chain verifier reports them too.
 */
@Component
class EvidenceQueries {

    private static final Logger log = LoggerFactory.getLogger(EvidenceQueries.class);

    private final CommitmentReader commitments;
    private final EvidenceStorage storage;

    EvidenceQueries(CommitmentReader commitments, EvidenceStorage storage) {
        this.commitments = commitments;
        this.storage = storage;
    }

    @QueryHandler
    EvidenceDownload handle(FindEvidenceFile query) {
        CommitmentView commitment = commitments.byId(query.commitmentId()).orElseThrow(() -> notFound());
        CommitmentView.EvidenceView entry = commitment.evidence().stream()
                .filter(e -> e.sha256().equals(query.sha256())).findFirst().orElseThrow(() -> notFound());
        byte[] content = storage.read(entry.sha256()).orElseThrow(() -> {
            log.error("Evidence file {} of commitment {} is missing from the storage", entry.sha256(),
                    commitment.commitmentId());
            return notFound();
        });
        EvidenceFile file = new EvidenceFile(entry.sha256(), entry.size(), entry.name(), entry.contentType());
        if (!file.matches(content)) {
            log.error("Evidence file {} of commitment {} does not match its recorded hash: not served", entry.sha256(),
                    commitment.commitmentId());
            throw new ProblemException(HttpStatus.CONFLICT, "佐证材料已损坏",
                    "佐证材料「" + entry.name() + "」与登记时的内容不一致，已停止下载，请联系督查员核查。", "evidence.tampered");
        }
        return new EvidenceDownload(commitment.commitmentId(), commitment.unitId(), file, content);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("未找到该佐证材料。");
    }
}
