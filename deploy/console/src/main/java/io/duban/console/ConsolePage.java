package io.duban.console;

import io.duban.command.api.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's pages, the roles that may open each, and each role's home. One list for both the navigation and the
 * browser security rules (io.duban.deploy.security), so a link is shown exactly to those who may follow it.
 * The API's rules still decide what a role may do; these only decide which pages a role sees.
 */
public enum ConsolePage {
    OVERVIEW("overview", "总览", true, Role.OFFICE, Role.INSPECTOR),
    ITEMS("items", "事项清单", true, Role.OFFICE, Role.INSPECTOR),
    UNITS("units", "单位与考核", true, Role.OFFICE, Role.INSPECTOR),
    INBOX("inbox", "待办", true, Role.OFFICE),
    DISPATCH("dispatch", "季度调度", true, Role.OFFICE, Role.INSPECTOR),
    AUDIT("audit", "审计", true, Role.INSPECTOR, Role.OFFICE),
    MINE("mine", "我的承诺", true, Role.UNIT),
    /** One commitment ({@code /console/commitments/{id}}), linked from the lists; not in the navigation. */
    COMMITMENT("commitments", "承诺", true, Role.OFFICE, Role.INSPECTOR, Role.UNIT);

    /** Where every console page lives; static assets are under {@code /console/assets/}. */
    public static final String ROOT = "/console";

    private final String slug;
    private final String title;
    private final boolean built;
    private final Set<Role> roles;

    ConsolePage(String slug, String title, boolean built, Role... roles) {
        this.slug = slug;
        this.title = title;
        this.built = built;
        this.roles = Set.of(roles);
    }

    public String slug() {
        return slug;
    }

    public String path() {
        return ROOT + "/" + slug;
    }

    public String title() {
        return title;
    }

    /** False for a page that is still a placeholder (建设中). */
    public boolean built() {
        return built;
    }

    public boolean openTo(Role role) {
        return roles.contains(role);
    }

    /** Spring Security authorities of the roles that may open the page ({@code ROLE_OFFICE}, …). */
    public String[] authorities() {
        return roles.stream().map(role -> "ROLE_" + role.name()).sorted().toArray(String[]::new);
    }

    /** The pages a role sees in the navigation, in navigation order. */
    public static List<ConsolePage> navigationFor(Role role) {
        return Arrays.stream(values()).filter(page -> page != COMMITMENT && page.openTo(role)).toList();
    }

    /** Where a role lands after signing in; none for operators (no business pages). */
    public static Optional<ConsolePage> homeOf(Role role) {
        return Optional.ofNullable(switch (role) {
            case OFFICE -> OVERVIEW;
            case INSPECTOR -> AUDIT;
            case UNIT -> MINE;
            case OPERATOR -> null;
        });
    }

    public static Optional<ConsolePage> bySlug(String slug) {
        return Arrays.stream(values()).filter(page -> page.slug.equals(slug)).findFirst();
    }
}
