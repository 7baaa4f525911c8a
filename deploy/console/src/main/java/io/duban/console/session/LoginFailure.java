package io.duban.console.session;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;

/**
 * Why the last sign-in failed and the name typed, kept in the session between the failed POST and the login page
 * that shows it next to the field. Stored by the assembly's form-login handlers, taken (and removed) by the page.
 *
 * @param message Chinese, shown as text
 */
public record LoginFailure(String username, String message) implements Serializable {

    static final String ATTRIBUTE = LoginFailure.class.getName();

    public static final String BAD_CREDENTIALS = "账号或密码不正确，请重新输入。";

    public static void store(HttpSession session, String username, String message) {
        session.setAttribute(ATTRIBUTE, new LoginFailure(username == null ? "" : username, message));
    }

    static LoginFailure take(HttpSession session) {
        Object failure = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return failure instanceof LoginFailure f ? f : null;
    }
}
