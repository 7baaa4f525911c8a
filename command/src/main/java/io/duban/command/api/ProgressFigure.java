package io.duban.command.api;

/**
 * The one progress figure every reader shows (boards, details, exports, digests, the bot): a verified commitment
 * (办结/销号) counts as 100 %, whatever its unit last reported; otherwise the last reported percentage. The reported
 * figure stays in the events and is shown as such where the history is the point (the timeline's progress reports).
 */
public final class ProgressFigure {

    private ProgressFigure() {
    }

    public static int shown(int lastReported, boolean verified) {
        return verified ? 100 : lastReported;
    }
}
