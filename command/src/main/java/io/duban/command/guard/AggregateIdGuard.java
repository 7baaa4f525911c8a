package io.duban.command.guard;

import io.duban.command.api.CommandRefusedException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Refuses a command whose target aggregate id no aggregate can have (see {@link AggregateIds}) before the repository
 * loads it — from the REST API and from DingTalk alike. Commands that create an aggregate without naming a target
 * pass untouched.
 */
public final class AggregateIdGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String id = target(unitOfWork.getMessage());
        if (id != null && !AggregateIds.usable(id)) {
            throw CommandRefusedException.invalid("input.bad-id", "编号含有不可用的字符（控制字符或无效的 Unicode 字符）。");
        }
        return chain.proceed();
    }

    private String target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }
}
