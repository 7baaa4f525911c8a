package io.duban.command.evidence;

import io.duban.command.api.evidence.EvidenceStorage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The storage port for aggregate tests: what the unit of work stored when it committed. */
public class InMemoryEvidenceStorage implements EvidenceStorage {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void store(String sha256, byte[] content) {
        files.putIfAbsent(sha256, content.clone());
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        return Optional.ofNullable(files.get(sha256)).map(byte[]::clone);
    }

    public Map<String, byte[]> stored() {
        return Map.copyOf(files);
    }

    /** An intake with the default limits (20 MB, 10 files) over this storage. */
    public EvidenceIntake intake() {
        return new EvidenceIntake(this, new EvidenceLimits(null, null, null));
    }
}
