package io.duban.query.api.board;

/**
 * 总览's figures over every commitment, answered with a fixed number of reads whatever their number: the overdue and
 * due-soon lists (the first {@code listLength} of each, and how many in all) and each item's count and progress.
 * Answer: {@link BoardSummary}.
 */
public record FindBoardSummary(int listLength) {

    public FindBoardSummary {
        if (listLength < 1 || listLength > 100) {
            throw new IllegalArgumentException("listLength must be 1..100, was " + listLength);
        }
    }
}
