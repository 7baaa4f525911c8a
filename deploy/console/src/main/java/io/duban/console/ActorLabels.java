package io.duban.console;

import io.duban.command.api.Channel;
import io.duban.command.api.Role;

/** Who acted and through which channel, in the words every console page uses for them. */
public final class ActorLabels {

    private ActorLabels() {
    }

    public static String role(Role role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case OFFICE -> "办公室";
            case INSPECTOR -> "督查";
            case UNIT -> "责任单位";
            case OPERATOR -> "运维";
        };
    }

    public static String channel(Channel channel) {
        if (channel == null) {
            return "—";
        }
        return switch (channel) {
            case WEB -> "网页";
            case DINGTALK -> "钉钉";
            case SCHEDULE -> "定时任务";
            case SYSTEM -> "系统";
        };
    }
}
