/**
 * The DingTalk bot: alerts out to officials and the office, replies in as commands. Depends on the write side only
 * through {@code io.duban.command.api}.
 */
package io.duban.bot;
