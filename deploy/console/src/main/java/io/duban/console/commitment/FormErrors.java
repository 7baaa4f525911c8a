package io.duban.console.commitment;

import io.duban.command.api.CommandRefusedException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which field of a form a refusal is about, so its Chinese message is shown next to that field. The command side
 * names the rule by its code and, for free text, the field by its label in the message ("请填写调整原因。"); what
 * matches neither is shown above the form's button ({@link #FORM}).
 */
public final class FormErrors {

    /** The key of a message about the form as a whole. */
    public static final String FORM = "form";

    private final Map<String, String> byCode = new LinkedHashMap<>();
    private final Map<String, String> byLabel = new LinkedHashMap<>();

    public FormErrors code(String code, String field) {
        byCode.put(code, field);
        return this;
    }

    /** A field named by its label at the start of the message (or after 请填写). */
    public FormErrors label(String label, String field) {
        byLabel.put(label, field);
        return this;
    }

    public String fieldOf(CommandRefusedException refused) {
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        String text = message.startsWith("请填写") ? message.substring(3) : message;
        for (Map.Entry<String, String> label : byLabel.entrySet()) {
            if (text.startsWith(label.getKey())) {
                return label.getValue();
            }
        }
        return byCode.getOrDefault(refused.code(), FORM);
    }

    /** One message for one field: the form's answer. */
    public static Map<String, String> of(String field, String message) {
        return Map.of(field, message);
    }

    public Map<String, String> of(CommandRefusedException refused) {
        return Map.of(fieldOf(refused), refused.getMessage());
    }
}
