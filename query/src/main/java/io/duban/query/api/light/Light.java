package io.duban.query.api.light;

import java.util.List;

/**
 * A traffic light with its Chinese label and the reasons behind it (e.g. {@code M2 已逾期 12 天}). Computed when read,
 * never stored, so the views stay a pure function of the events.
 *
 * @param color                the colour; for a commitment awaiting verification the colour of its plan
 * @param label                what the board shows: the colour's label, or 待核验 for a claimed, unverified commitment
 * @param awaitingVerification completion claimed, not yet verified
 * @param reasons              why, most serious first
 */
public record Light(LightColor color, String label, boolean awaitingVerification, List<String> reasons) {

    public static final String AWAITING_VERIFICATION = "待核验";

    public Light {
        reasons = List.copyOf(reasons);
    }

    public static Light of(LightColor color, List<String> reasons) {
        return new Light(color, color.label(), false, reasons);
    }
}
