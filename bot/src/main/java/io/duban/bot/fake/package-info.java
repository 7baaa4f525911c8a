/**
 * A local DingTalk for development and tests: an in-process HTTP server on 127.0.0.1 that answers the Open API
 * paths the real SDK calls, the custom-robot webhook and session webhooks, records what it accepted, fails on
 * demand, and delivers signed bot callbacks. The embedded default runs against it, so the bot can be seen working
 * without a DingTalk organisation. Everything here is main code on purpose; nothing here is used in production.
 */
package io.duban.bot.fake;
