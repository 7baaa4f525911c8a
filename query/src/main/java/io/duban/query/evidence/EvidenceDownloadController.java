package io.duban.query.evidence;

import io.duban.command.api.SignedInActor;
import io.duban.command.api.problem.ProblemException;
import io.duban.query.api.evidence.EvidenceDownload;
import io.duban.query.api.evidence.FindEvidenceFile;
import io.duban.query.web.QueryCalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads a file of 佐证材料: always as an attachment with {@code nosniff}, so a browser never renders an uploaded
 * file inside Duban's origin (a PDF or an image crafted to run script stays a download). Only the office, inspectors
 * and the commitment's own unit may download ({@link EvidenceDownload#readableBy}).
 */
@RestController
public class EvidenceDownloadController {

    private final QueryCalls queries;
    private final SignedInActor signedIn;

    public EvidenceDownloadController(QueryCalls queries, SignedInActor signedIn) {
        this.queries = queries;
        this.signedIn = signedIn;
    }

    @GetMapping("/api/commitments/{commitmentId}/evidence/{sha256}")
    public ResponseEntity<byte[]> download(@PathVariable String commitmentId, @PathVariable String sha256) {
        EvidenceDownload download = queries.one(new FindEvidenceFile(commitmentId, sha256), EvidenceDownload.class);
        if (!download.readableBy(signedIn.get())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "无权访问",
                    "只有领导小组办公室、督查人员和本单位可以下载该承诺的佐证材料。", "evidence.not-yours");
        }
        return download.asAttachment();
    }
}
