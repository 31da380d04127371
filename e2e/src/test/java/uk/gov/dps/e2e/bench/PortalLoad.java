package uk.gov.dps.e2e.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.cli.KeycloakTokens;

/**
 * People using the portal, for {@code ./dps bench}: each signs in for real (the portal's authorization-code flow
 * through Keycloak's login form, as a browser does, keeping the cookies both set) and then loads the main pages of
 * their role again and again. What is measured per page: the time until the whole page has arrived (on loopback,
 * the server's time), and the portal's own {@code Server-Timing} header: its time and how many calls to the
 * services the page made.
 */
final class PortalLoad {

    static final String PORTAL = DpsStack.service("portal").baseUrl();
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"",
            Pattern.DOTALL);
    private static final Pattern LOGIN_FORM_ACTION_FIRST = Pattern.compile(
            "<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"", Pattern.DOTALL);
    private static final Pattern TOTAL = Pattern.compile("total;dur=([0-9.]+)");
    private static final Pattern CALLS = Pattern.compile("desc=\"(\\d+) calls\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One signed-in person: user name, the pages of their role, and the cookies of their browser. */
    static final class Person {
        final String username;
        final List<String> pages;
        /** Cookies per host:port, as a browser keeps them (Secure ones too: localhost is a secure context). */
        final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

        Person(String username, List<String> pages) {
            this.username = username;
            this.pages = pages;
        }

        /** The same person, signed in the same browser, going through other pages. */
        Person loading(List<String> otherPages) {
            Person same = new Person(username, otherPages);
            same.cookies.putAll(cookies);
            return same;
        }
    }

    /** One page load: which page, how long it took, the portal's Server-Timing figures, its status. */
    record Load(String page, double millis, double serverMillis, int serviceCalls, int status) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Signs the person in by opening their first page: the portal sends the browser to Keycloak, the login form is
     * filled in, Keycloak sends it back with a code, the portal makes its session and shows the page.
     */
    void signIn(Person person) throws Exception {
        HttpResponse<String> response = send(person, URI.create(PORTAL + person.pages.get(0)), null);
        for (int hops = 0; hops < 10; hops++) {
            if (response.statusCode() == 200 && response.uri().toString().startsWith(PORTAL)) {
                return;
            }
            if (response.statusCode() == 200) {
                Matcher form = LOGIN_FORM.matcher(response.body());
                Matcher other = LOGIN_FORM_ACTION_FIRST.matcher(response.body());
                String action = form.find() ? form.group(1) : other.find() ? other.group(1) : null;
                if (action == null) {
                    throw new IllegalStateException("no login form at " + response.uri());
                }
                String body = "username=" + URLEncoder.encode(person.username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(KeycloakTokens.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
                response = send(person, response.uri().resolve(action.replace("&amp;", "&")), body);
            } else if (response.statusCode() / 100 == 3) {
                response = send(person, response.uri().resolve(response.headers().firstValue("Location").orElseThrow()),
                        null);
            } else {
                throw new IllegalStateException("signing in " + person.username + ": " + response.statusCode() + " at "
                        + response.uri());
            }
        }
        throw new IllegalStateException("signing in " + person.username + " did not end on a portal page");
    }

    /** Loads one page with the person's cookies; a redirect (e.g. to sign in again) counts as a failed load. */
    Load load(Person person, String page) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = send(person, URI.create(PORTAL + page), null);
            double millis = (System.nanoTime() - start) / 1e6;
            String timing = response.headers().firstValue("Server-Timing").orElse("");
            Matcher total = TOTAL.matcher(timing);
            Matcher calls = CALLS.matcher(timing);
            return new Load(page, millis, total.find() ? Double.parseDouble(total.group(1)) : Double.NaN,
                    calls.find() ? Integer.parseInt(calls.group(1)) : -1, response.statusCode());
        } catch (Exception e) {
            return new Load(page, (System.nanoTime() - start) / 1e6, Double.NaN, -1, -1);
        }
    }

    /**
     * Every person loads their pages in turn for {@code duration}, pausing {@code think} between pages (a person
     * reads the page before the next click; zero for the worst case of everyone clicking at once).
     */
    List<Load> run(List<Person> people, Duration duration, Duration think) throws Exception {
        ConcurrentLinkedQueue<Load> loads = new ConcurrentLinkedQueue<>();
        ExecutorService browsers = Executors.newFixedThreadPool(people.size());
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (Person person : people) {
            running.add(browsers.submit(() -> {
                int next = 0;
                while (System.nanoTime() < end) {
                    loads.add(load(person, person.pages.get(next++ % person.pages.size())));
                    if (!think.isZero()) {
                        Thread.sleep(think.toMillis());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        browsers.shutdown();
        return new ArrayList<>(loads);
    }

    /** Loads grouped by page, in the order first seen. */
    static Map<String, List<Load>> byPage(List<Load> loads) {
        Map<String, List<Load>> pages = new LinkedHashMap<>();
        loads.forEach(l -> pages.computeIfAbsent(l.page(), p -> new ArrayList<>()).add(l));
        return pages;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.removeIf(v -> v.isNaN());
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private HttpResponse<String> send(Person person, URI uri, String formBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        Map<String, String> jar = person.cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                k -> new ConcurrentHashMap<>());
        if (!jar.isEmpty()) {
            request.header("Cookie", String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList()));
        }
        if (formBody != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = value.isEmpty() || cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return response;
    }
}
