package io.duban.query.api.evidence;

/** One file of 佐证材料 of a commitment, with its bytes; answers {@link EvidenceDownload} or a 404 problem. */
public record FindEvidenceFile(String commitmentId, String sha256) {
}
