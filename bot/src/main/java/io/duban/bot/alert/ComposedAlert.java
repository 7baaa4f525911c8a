package io.duban.bot.alert;

/** A worded alert: a short title (notification preview) and DingTalk markdown. */
public record ComposedAlert(String title, String text) {
}
