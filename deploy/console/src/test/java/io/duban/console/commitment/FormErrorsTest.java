package io.duban.console.commitment;

import io.duban.command.api.CommandRefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal lands next to the field it is about: by the rule's code, or by the field's label in the message. */
class FormErrorsTest {

    private final FormErrors errors = new FormErrors()
            .code("progress.decrease-needs-reason", "reasonForDecrease")
            .label("进度说明", "progressNote");

    @Test
    void the_code_names_the_field() {
        assertThat(errors.fieldOf(CommandRefusedException.ruleViolated("progress.decrease-needs-reason",
                "进度由 40% 下调为 30% 须说明原因。"))).isEqualTo("reasonForDecrease");
    }

    @Test
    void free_text_limits_name_the_field_by_its_label() {
        assertThat(errors.fieldOf(CommandRefusedException.invalid("input.too-long", "进度说明不能超过 2000 个字。")))
                .isEqualTo("progressNote");
        assertThat(errors.fieldOf(CommandRefusedException.invalid("input.required", "请填写进度说明。")))
                .isEqualTo("progressNote");
    }

    @Test
    void anything_else_is_about_the_whole_form() {
        assertThat(errors.fieldOf(CommandRefusedException.ruleViolated("commitment.verified", "该承诺已办结销号。")))
                .isEqualTo(FormErrors.FORM);
    }
}
