package io.duban.query.api.inbox;

/**
 * The leading-group office's inbox (待办): everything waiting for its decision or its 催办, in one answer, so a page
 * never asks once per row. Each kind of row is a list, oldest first; the answer holds rows {@code offset} to
 * {@code offset + limit - 1} of every list and how many each list has in all ({@link OfficeInbox.Totals}), so a page
 * shows what has waited longest without reading the thousands behind it. Answer: {@link OfficeInbox}.
 *
 * @param offset rows of each list to skip (a later page), {@code >= 0}
 * @param limit  rows of each list at most, 1 to {@value #MAX_LIMIT}
 */
public record FindOfficeInbox(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public FindOfficeInbox {
        if (offset < 0) {
            throw new IllegalArgumentException("offset 不能为负数。");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("每类条数须在 1 到 " + MAX_LIMIT + " 之间。");
        }
    }

    /** The first {@value #DEFAULT_LIMIT} rows of every list. */
    public FindOfficeInbox() {
        this(0, DEFAULT_LIMIT);
    }
}
