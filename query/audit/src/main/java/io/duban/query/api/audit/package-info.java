/**
 * The audit's query messages and answers, for the edges (the console): the signed digests, the chain verification
 * and the inspectors' read log. This part of the query api lives in the audit module (duban-audit), which answers
 * it, so that the audit's JDBC and the MongoDB read side stay out of each other's classpath.
 */
package io.duban.query.api.audit;
