package io.duban.command.api.evidence;

import java.util.Optional;

/**
 * Where the bytes of 佐证材料 are kept, keyed by their SHA-256: as durable as the events (in production the event
 * store's database), never in a view, so rebuilding the views never touches them. Content-addressed: storing the
 * same content twice keeps one copy. Nothing is ever deleted or replaced through this port.
 */
public interface EvidenceStorage {

    /** Keeps the content under its hash unless it is already there; joins the caller's transaction. */
    void store(String sha256, byte[] content);

    /** The stored bytes, as they are now (the verifier re-hashes them). */
    Optional<byte[]> read(String sha256);
}
