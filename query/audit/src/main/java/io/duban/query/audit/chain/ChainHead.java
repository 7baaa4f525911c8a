package io.duban.query.audit.chain;

/** The last chained event: its global index, how many events the chain holds, and hash_i there. */
public record ChainHead(long globalIndex, long eventCount, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, 0, EventChainHash.hex(EventChainHash.GENESIS));
}
