package io.duban.console.session;

import org.springframework.security.core.Authentication;

/**
 * Port: who a signed-in browser session belongs to. Accounts are the command side's internals, so the assembly
 * (io.duban.deploy.security) implements this; the console sees the person only as a {@link ConsoleUser}.
 */
public interface ConsoleUsers {

    /** The person behind an authenticated session. */
    ConsoleUser of(Authentication authentication);
}
