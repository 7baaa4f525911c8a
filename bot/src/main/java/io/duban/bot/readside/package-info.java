/**
 * The bot's reads, through Axon's query gateway and the query api only: it keeps no copy of the read side's views.
 */
package io.duban.bot.readside;
