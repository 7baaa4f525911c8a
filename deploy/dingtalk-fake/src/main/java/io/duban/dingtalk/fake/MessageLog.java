package io.duban.dingtalk.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything the fake accepted, in arrival order; read by tests and, later, by the demo's read endpoint. */
public final class MessageLog {

    private final List<DeliveredMessage> messages = new CopyOnWriteArrayList<>();

    void record(DeliveredMessage message) {
        messages.add(message);
    }

    public List<DeliveredMessage> all() {
        return List.copyOf(messages);
    }

    public List<DeliveredMessage> to(String recipient) {
        return messages.stream().filter(m -> m.recipient().equals(recipient)).toList();
    }

    public List<DeliveredMessage> by(Route route) {
        return messages.stream().filter(m -> m.route() == route).toList();
    }

    public void clear() {
        messages.clear();
    }
}
