package uk.gov.dps.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import uk.gov.dps.devstack.DpsStack;

/** Requests to the running services as the benchmarks send them: bearer token, JSON, a timeout. */
final class BenchRequests {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private BenchRequests() {
    }

    static HttpRequest get(String service, String path, String token) {
        return HttpRequest.newBuilder(URI.create(DpsStack.service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(TIMEOUT).GET().build();
    }

    static HttpRequest post(String service, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(DpsStack.service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
