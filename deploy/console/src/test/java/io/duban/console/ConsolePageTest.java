package io.duban.console;

import io.duban.command.api.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolePageTest {

    @Test
    void each_role_lands_on_a_page_it_may_open() {
        assertThat(ConsolePage.homeOf(Role.OFFICE)).contains(ConsolePage.OVERVIEW);
        assertThat(ConsolePage.homeOf(Role.INSPECTOR)).contains(ConsolePage.AUDIT);
        assertThat(ConsolePage.homeOf(Role.UNIT)).contains(ConsolePage.MINE);
        assertThat(ConsolePage.homeOf(Role.OPERATOR)).isEmpty();
        for (Role role : Role.values()) {
            ConsolePage.homeOf(role).ifPresent(home -> assertThat(home.openTo(role)).isTrue());
        }
    }

    @Test
    void the_navigation_shows_a_role_only_its_pages() {
        assertThat(ConsolePage.navigationFor(Role.OFFICE)).extracting(ConsolePage::title)
                .containsExactly("总览", "事项清单", "单位与考核", "待办", "季度调度", "审计");
        assertThat(ConsolePage.navigationFor(Role.INSPECTOR)).extracting(ConsolePage::title)
                .containsExactly("总览", "事项清单", "单位与考核", "季度调度", "审计");
        assertThat(ConsolePage.navigationFor(Role.UNIT)).extracting(ConsolePage::title).containsExactly("我的承诺");
        assertThat(ConsolePage.navigationFor(Role.OPERATOR)).isEmpty();
        assertThat(ConsolePage.INBOX.authorities()).containsExactly("ROLE_OFFICE");
        assertThat(ConsolePage.OVERVIEW.path()).isEqualTo("/console/overview");
    }
}
