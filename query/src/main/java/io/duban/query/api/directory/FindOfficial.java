package io.duban.query.api.directory;

/** One person of the directory, removed or not. Answer: {@link OfficialView}; unknown: a not-found failure (404 on the REST api). */
public record FindOfficial(String userId) {
}
