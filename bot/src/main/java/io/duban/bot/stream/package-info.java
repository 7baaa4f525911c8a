/**
 * DingTalk Stream mode: robot messages arrive over a WebSocket the bot opens itself ({@code app-stream-client}), so
 * no public callback URL is needed. The frames carry the same robot JSON as the HTTP callback and take the same path
 * from there: {@link io.duban.bot.inbound.InboundMessageReader} and {@link io.duban.bot.inbound.InboundProcessor}.
 */
package io.duban.bot.stream;
