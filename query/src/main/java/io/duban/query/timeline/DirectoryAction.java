package io.duban.query.timeline;

/** What a directory event did to a person's entry, as the timeline words it. */
enum DirectoryAction {
    /** The first appointment. */
    APPOINTED("任命"),
    /** A new appointment of a person in the directory: their name, role or units changed. */
    CHANGED("调整"),
    /** An appointment after a removal. */
    REAPPOINTED("重新任命"),
    REMOVED("移出");

    private final String verb;

    DirectoryAction(String verb) {
        this.verb = verb;
    }

    String verb() {
        return verb;
    }
}
