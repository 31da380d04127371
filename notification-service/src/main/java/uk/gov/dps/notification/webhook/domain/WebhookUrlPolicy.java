package uk.gov.dps.notification.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which callback URLs the platform will post a council's data to: https only, no user name or password in the URL,
 * and a host that resolves to public addresses only, so that a callback can never make the platform call into its
 * own network (loopback, private, link-local, e.g. a cloud metadata service). In development and tests
 * {@code allowLocalhost} also lets http://localhost and 127.0.0.1 through.
 */
public final class WebhookUrlPolicy {

    /** How a host name becomes addresses: DNS, or a fixed answer in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    static final int MAX_LENGTH = 2000;

    private final boolean allowLocalhost;
    private final Resolver resolver;

    public WebhookUrlPolicy(boolean allowLocalhost, Resolver resolver) {
        this.allowLocalhost = allowLocalhost;
        this.resolver = resolver;
    }

    /** @return what is wrong with the URL, or empty when the platform may post to it */
    public Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must be an https URL");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowLocalhost && LOCALHOST.contains(host) && (scheme.equals("http") || scheme.equals("https"))) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must be https");
        }
        return addressProblem(host);
    }

    /**
     * Checks where the host resolves now: at registration and again before each delivery, as DNS can change.
     *
     * @return what is wrong, or empty when every address is public
     */
    public Optional<String> addressProblem(String host) {
        if (allowLocalhost && LOCALHOST.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local, fc00::/7
        }
        return false;
    }
}
