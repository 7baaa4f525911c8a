package io.duban.query.api.inbox;

/**
 * The leading-group office's inbox (待办): everything waiting for its decision or its 催办, in one answer, so a page
 * never asks once per row. Answer: {@link OfficeInbox}.
 */
public record FindOfficeInbox() {
}
