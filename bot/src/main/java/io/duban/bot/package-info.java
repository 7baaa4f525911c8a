/**
 * The DingTalk bot: alerts out to officials and the office, replies in as commands. Depends on the write side only
 * through {@code io.duban.command.api} (commands, events) and on the read side only through {@code io.duban.query.api}
 * (queries, asked through Axon's query gateway); it keeps no copy of either.
 */
package io.duban.bot;
