package io.duban.deploy.security;

/** Text a caller chose (an account name), made safe for one log line. */
final class LogText {

    private LogText() {
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
