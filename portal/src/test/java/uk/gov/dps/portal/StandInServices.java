package uk.gov.dps.portal;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An HTTP stand-in for placement-service and provider-service, for the portal's module tests only: it answers what
 * each test stubs (a page of referrals, a 403 problem), so the pages and the error mapping can be checked without
 * the stack. The e2e browser tests run the portal against the real services.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.placement-service.url", server.baseUrl(),
                "quarkus.rest-client.provider-service.url", server.baseUrl(),
                "quarkus.rest-client.lot-service.url", server.baseUrl(),
                "quarkus.rest-client.contract-monitoring-service.url", server.baseUrl(),
                "quarkus.rest-client.spend-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
