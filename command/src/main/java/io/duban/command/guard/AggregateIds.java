package io.duban.command.guard;

/**
 * Whether a string can be an aggregate identifier at all. Ids are typed by people (policy ids, DingTalk user ids) or
 * derived from such; none may hold a control character or half a surrogate pair. PostgreSQL cannot even compare a
 * text holding NUL: asking the event store about such an id fails with a storage error (a 500) instead of "not found".
 */
public final class AggregateIds {

    private AggregateIds() {
    }

    public static boolean usable(String id) {
        if (id == null) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= id.length() || !Character.isLowSurrogate(id.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
