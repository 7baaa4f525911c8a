package io.duban.harness.drill.abuse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what the outbox says was to be delivered with what the DingTalk fake received. An entry is matched to
 * messages by recipient and text: a 1:1 alert is due once to each of its recipients not marked INVALID, an office-group
 * alert once to the group (app robot) or its webhook (the fallback). Pure, so the counting itself is tested.
 */
final class DeliveryLedger {

    /** An outbox entry as stored: its key, kind, status, the words it was sent with and its recipients. */
    record Entry(String key, String kind, boolean group, String status, String text, List<Recipient> recipients) {
    }

    record Recipient(String userId, String status) {
    }

    /** A message the fake accepted: route ONE_TO_ONE, GROUP or WEBHOOK (session replies are not alerts). */
    record Delivered(String route, String recipient, String text) {
    }

    /**
     * @param entries          outbox entries compared
     * @param due              deliveries the entries call for
     * @param delivered        alert messages at the fake
     * @param lost             deliveries due but not made (including entries never worded)
     * @param duplicates       deliveries made more often than due
     * @param unexpected       messages at the fake that no entry calls for
     * @param notSent          entries whose status is not SENT (still pending, or given up)
     * @param sharedSignatures recipient+text pairs due for more than one entry (counted together, not per key)
     * @param problems         one line per key or signature that is off, for the report
     */
    record Result(int entries, int due, int delivered, int lost, int duplicates, int unexpected, int notSent,
                  int sharedSignatures, List<String> problems) {
    }

    private DeliveryLedger() {
    }

    static Result compare(List<Entry> entries, List<Delivered> messages) {
        Map<String, Integer> due = new LinkedHashMap<>();
        Map<String, List<String>> keysBySignature = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int notSent = 0;
        for (Entry entry : entries) {
            if (!"SENT".equals(entry.status())) {
                notSent++;
                problems.add(entry.key() + " " + entry.kind() + " is " + entry.status());
            }
            if (entry.text() == null) {
                lost++;
                problems.add(entry.key() + " " + entry.kind() + " was never worded: nothing could be sent");
                continue;
            }
            List<String> signatures = new ArrayList<>();
            if (entry.group()) {
                signatures.add(groupSignature(entry.text()));
            } else {
                for (Recipient r : entry.recipients()) {
                    if (!"INVALID".equals(r.status())) {
                        signatures.add(personalSignature(r.userId(), entry.text()));
                    }
                }
                if (signatures.isEmpty()) {
                    lost++;
                    problems.add(entry.key() + " " + entry.kind() + " has no recipient");
                }
            }
            for (String s : signatures) {
                due.merge(s, 1, Integer::sum);
                keysBySignature.computeIfAbsent(s, k -> new ArrayList<>()).add(entry.key());
            }
        }
        Map<String, Integer> got = new LinkedHashMap<>();
        int alerts = 0;
        for (Delivered m : messages) {
            String signature = switch (m.route()) {
                case "ONE_TO_ONE" -> personalSignature(m.recipient(), m.text());
                case "GROUP", "WEBHOOK" -> groupSignature(m.text());
                default -> null;
            };
            if (signature != null) {
                alerts++;
                got.merge(signature, 1, Integer::sum);
            }
        }
        int duplicates = 0;
        for (Map.Entry<String, Integer> d : due.entrySet()) {
            int received = got.getOrDefault(d.getKey(), 0);
            if (received < d.getValue()) {
                lost += d.getValue() - received;
                problems.add(keysBySignature.get(d.getKey()) + " due " + d.getValue() + "x, delivered " + received
                        + "x: " + cut(d.getKey()));
            } else if (received > d.getValue()) {
                duplicates += received - d.getValue();
                problems.add(keysBySignature.get(d.getKey()) + " due " + d.getValue() + "x, delivered " + received
                        + "x: " + cut(d.getKey()));
            }
        }
        int unexpected = 0;
        for (Map.Entry<String, Integer> g : got.entrySet()) {
            if (!due.containsKey(g.getKey())) {
                unexpected += g.getValue();
                problems.add("delivered " + g.getValue() + "x with no outbox entry: " + cut(g.getKey()));
            }
        }
        int shared = (int) keysBySignature.values().stream().filter(keys -> keys.size() > 1).count();
        int dueTotal = due.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(entries.size(), dueTotal, alerts, lost, duplicates, unexpected, notSent, shared, problems);
    }

    private static String personalSignature(String userId, String text) {
        return "1:1 " + userId + " | " + text;
    }

    private static String groupSignature(String text) {
        return "group | " + text;
    }

    private static String cut(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
