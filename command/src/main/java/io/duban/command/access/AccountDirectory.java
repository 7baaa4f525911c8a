package io.duban.command.access;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The configured accounts, looked up by Spring Security at login. */
@Component
@EnableConfigurationProperties(AccountProperties.class)
public class AccountDirectory implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountDirectory.class);

    private final Map<String, DubanUser> users = new LinkedHashMap<>();

    public AccountDirectory(AccountProperties properties) {
        for (Account account : properties.accounts()) {
            if (account.username() == null || account.password() == null || account.role() == null) {
                throw new IllegalStateException("duban.security.accounts: username, password and role are required");
            }
            if (account.role() == Role.UNIT && account.units().isEmpty()) {
                throw new IllegalStateException("Account " + account.username() + " has role UNIT but no units");
            }
            Set<String> unitIds = account.units().stream().map(ResponsibleUnit::idFor).collect(Collectors.toSet());
            users.put(account.username(), new DubanUser(account.username(), account.password(),
                    account.name() == null ? account.username() : account.name(), account.role(), unitIds));
            if (account.password().startsWith("{noop}")) {
                log.warn("Account '{}' has a plain-text demo password: replace duban.security.accounts in production",
                        account.username());
            }
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DubanUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return user;
    }
}
