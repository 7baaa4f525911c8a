package io.duban.bot.inbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which sessionWebhook URLs the bot may post an answer to: those on the configured prefix's scheme, host and port,
 * with a path at or below the prefix's path. Compared on the parsed URL, never on the raw string: a prefix match of
 * {@code <prefix>/../../internal/admin} or {@code <prefix>%2F..%2Fadmin} would reach other paths of the allowed host.
 * A URL that needs normalizing (dot segments, empty segments) or hides characters in its path (percent-encoding,
 * backslashes), or carries user info or a fragment, is refused rather than repaired: DingTalk never sends one.
 */
final class SessionWebhookAllowList {

    private final String scheme;
    private final String host;
    private final int port;
    private final String path;

    SessionWebhookAllowList(String prefix) {
        URI uri = URI.create(prefix).normalize();
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("duban.dingtalk.session-webhook-prefix must be an absolute URL: " + prefix);
        }
        this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = effectivePort(uri);
        this.path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    boolean allows(String url) {
        if (url == null || url.isBlank() || url.indexOf('\\') >= 0) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return false;
        }
        String rawPath = uri.getRawPath();
        if (rawPath == null || rawPath.isEmpty() || rawPath.indexOf('%') >= 0 || rawPath.contains("//")
                || !uri.normalize().getRawPath().equals(rawPath)) {
            return false;
        }
        return scheme.equals(uri.getScheme().toLowerCase(Locale.ROOT))
                && host.equals(uri.getHost().toLowerCase(Locale.ROOT))
                && port == effectivePort(uri)
                && under(rawPath);
    }

    /** At or below the prefix's path, on a segment boundary ({@code /robot/sendBySession2} is not below it). */
    private boolean under(String candidate) {
        if (candidate.equals(path)) {
            return true;
        }
        String directory = path.endsWith("/") ? path : path + "/";
        return candidate.startsWith(directory);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : -1;
    }
}
