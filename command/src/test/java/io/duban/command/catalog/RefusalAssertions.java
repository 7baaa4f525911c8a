package io.duban.command.catalog;

import io.duban.command.api.CommandRefusedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one shape every refusal of the parser has: INVALID_INPUT, code policy.unparseable, a message saying why. */
final class RefusalAssertions {

    private RefusalAssertions() {
    }

    static void assertRefused(ThrowingCallable call, String expectedMessagePart) {
        assertThatThrownBy(call)
                .isExactlyInstanceOf(CommandRefusedException.class)
                .hasMessageContaining(expectedMessagePart)
                .satisfies(e -> {
                    CommandRefusedException refused = (CommandRefusedException) e;
                    org.assertj.core.api.Assertions.assertThat(refused.reason())
                            .isEqualTo(CommandRefusedException.Reason.INVALID_INPUT);
                    org.assertj.core.api.Assertions.assertThat(refused.code()).isEqualTo("policy.unparseable");
                });
    }
}
