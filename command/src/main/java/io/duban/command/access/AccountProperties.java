package io.duban.command.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** {@code duban.security.accounts}: the people who may log in over HTTP, with their role and units. */
@ConfigurationProperties("duban.security")
public record AccountProperties(List<Account> accounts) {

    public AccountProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }
}
