package io.duban.console.inbox;

import io.duban.query.api.inbox.OfficeInbox;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a page of 待办 stands among all: its number, whether pages come before and after it, and for each list the
 * positions of the rows it shows ("第 21–40 条，共 833 条").
 *
 * @param pages the number of pages the largest list fills (at least 1)
 */
public record InboxPaging(int page, int pages, int size, OfficeInbox.Totals totals) {

    static final int MAX_PAGE = 10_000;

    static InboxPaging of(OfficeInbox inbox, int page, int size) {
        int largest = inbox.totals().largest();
        return new InboxPaging(page, Math.max(1, (largest + size - 1) / size), size, inbox.totals());
    }

    /** The {@code page} parameter: absent means the first; anything but a whole number from 1 is refused. */
    static int pageNumber(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(parameter.trim());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "页码须为 1 到 " + MAX_PAGE + " 之间的整数。");
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The first row this page shows of a list of {@code total} rows (1-based), 0 when it shows none. */
    public int first(int total) {
        int first = (page - 1) * size + 1;
        return first > total ? 0 : first;
    }

    /** The last row this page shows of a list of {@code total} rows (1-based), 0 when it shows none. */
    public int last(int total) {
        return first(total) == 0 ? 0 : Math.min(total, page * size);
    }

    /** The list holds more rows than one page shows: its range is worth saying. */
    public boolean paged(int total) {
        return total > size;
    }
}
