package io.duban.console;

import io.duban.query.api.light.LightColor;

/** The CSS modifier of a light (red, yellow, …), as the overview uses it. */
public final class Lights {

    private Lights() {
    }

    public static String key(LightColor color) {
        return color.name().toLowerCase(java.util.Locale.ROOT);
    }
}
