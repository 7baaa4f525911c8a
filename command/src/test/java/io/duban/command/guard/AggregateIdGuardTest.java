package io.duban.command.guard;

import io.duban.command.api.Actor;
import io.duban.command.api.AppointOfficial;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.OfficialRole;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command aimed at an id no aggregate can have is refused before the repository asks the event store. */
class AggregateIdGuardTest {

    private static final Actor OFFICE = Actor.system("test");
    private final AggregateIdGuard guard = new AggregateIdGuard();
    private DefaultUnitOfWork<CommandMessage<?>> unitOfWork;

    @AfterEach
    void endUnitOfWork() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    @Test
    void ids_with_controls_or_broken_unicode_are_unusable_others_fine() {
        assertThat(AggregateIds.usable("nzf-2023-1")).isTrue();
        assertThat(AggregateIds.usable("nzf-2023-1.31.uc88ba393")).isTrue();
        assertThat(AggregateIds.usable("用户🙂")).isTrue();
        assertThat(AggregateIds.usable("zero\u200bwidth")).as("odd but storable: simply not found").isTrue();
        assertThat(AggregateIds.usable("nzf\u0000")).isFalse();
        assertThat(AggregateIds.usable("a\nb")).isFalse();
        assertThat(AggregateIds.usable("x\ud800")).isFalse();
        assertThat(AggregateIds.usable("\udc00x")).isFalse();
        assertThat(AggregateIds.usable(null)).isFalse();
    }

    @Test
    void a_nul_in_the_target_id_is_refused_as_invalid_input_and_the_handler_never_runs() {
        AtomicBoolean handled = new AtomicBoolean();
        for (Object command : List.of(new ImportPolicy("nzf-2023-1.31.x\u0000", "text", OFFICE),
                new AppointOfficial("demo\u0000", "王五", OfficialRole.OFFICE, List.of(), OFFICE))) {
            unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
            assertThatThrownBy(() -> guard.handle(unitOfWork, () -> {
                handled.set(true);
                return null;
            })).isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                assertThat(e.reason()).isEqualTo(CommandRefusedException.Reason.INVALID_INPUT);
                assertThat(e.code()).isEqualTo("input.bad-id");
            });
            unitOfWork.rollback();
        }
        assertThat(handled).isFalse();
    }

    @Test
    void a_usable_id_or_a_command_without_a_target_goes_on() throws Exception {
        unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(
                new ImportPolicy("nzf-2024-7", "text", OFFICE)));
        assertThat(guard.handle(unitOfWork, () -> "handled")).isEqualTo("handled");
        unitOfWork.rollback();
        unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("no target at all"));
        assertThat(guard.handle(unitOfWork, () -> "handled")).isEqualTo("handled");
    }
}
