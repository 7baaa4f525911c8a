package io.duban.query.light;

import io.duban.query.api.light.LightColor;

import java.time.LocalDate;

/**
 * When a commitment's light changes colour if nothing happens to it: from {@code yellowFrom} it is YELLOW, from
 * {@code redFrom} RED (null: never, until an event changes the commitment). A light only gets worse as days pass —
 * deadlines come nearer and pass, the linear plan only grows — so these two days say its colour on any day, which
 * lets a view store them and a query count lights for "today" without reading each commitment
 * ({@link TrafficLights#scheduleOf}; {@link TrafficLights#of} stays the definition, and a test holds the two equal).
 *
 * @param done verified (已办结): DONE on every day
 */
public record LightSchedule(boolean done, LocalDate yellowFrom, LocalDate redFrom) {

    /** Stands for "from any day" (an open major issue warns at once), so stored dates compare as days do. */
    public static final LocalDate ALWAYS = LocalDate.of(1, 1, 1);
    /** Stands for "never" where a stored date must compare (MongoDB orders null before every string). */
    public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    public LightColor colorOn(LocalDate day) {
        if (done) {
            return LightColor.DONE;
        }
        if (redFrom != null && !day.isBefore(redFrom)) {
            return LightColor.RED;
        }
        if (yellowFrom != null && !day.isBefore(yellowFrom)) {
            return LightColor.YELLOW;
        }
        return LightColor.GREEN;
    }
}
