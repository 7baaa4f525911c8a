package io.duban.query.api.escalation;

/**
 * The office's escalation list: every open escalation case, of one unit if {@code unitId} is given (null = all).
 * Answer: {@code List<EscalationEntry>}, level 3 first, then level 2, then level 1 (just overdue); within a level the
 * oldest due date first.
 */
public record FindEscalations(String unitId) {

    public static FindEscalations all() {
        return new FindEscalations(null);
    }
}
