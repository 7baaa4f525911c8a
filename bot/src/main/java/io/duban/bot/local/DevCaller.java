package io.duban.bot.local;

import io.duban.command.api.Actor;

/**
 * Who is calling a developer endpoint of the local fake: the logged-in account, supplied by the assembly (the bot
 * knows only the command API, not how people log in).
 */
@FunctionalInterface
public interface DevCaller {

    Actor current();
}
