package io.duban.query.directory;

/** One person of the directory, removed or not. Answer: {@link OfficialView}; unknown: {@link io.duban.query.web.NotFoundException}. */
public record FindOfficial(String userId) {
}
