package uk.gov.dps.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import uk.gov.dps.demo.DemoApi.Reply;

class DemoApiTest {

    @Test
    void anUnexpectedAnswerNamesMethodPathStatusAndTheProblem() {
        Reply reply = new Reply("POST", "placement-service", "/referrals/42/award", 400, DemoApi.read("""
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid request",
                 "errors":[{"field":"fundingShares","message":"shares add up to 90%, not 100%"}]}"""), false);

        DemoException e = assertThrows(DemoException.class, () -> DemoApi.expect(reply, 201));

        assertEquals("POST placement-service /referrals/42/award → HTTP 400 Bad Request: Invalid request "
                + "[fundingShares: shares add up to 90%, not 100%] (expected HTTP 201)", e.getMessage());
        assertEquals(reply, DemoApi.expect(reply, 201, 400));
    }

    @Test
    void anAnswerThatIsNotAProblemIsShownAsItIs() {
        Reply reply = new Reply("GET", "spend-service", "/reports/spend", 502, DemoApi.read("Bad gateway"), false);
        assertTrue(DemoApi.describe(reply).endsWith("→ HTTP 502: Bad gateway"), DemoApi.describe(reply));
    }

    @Test
    void aServiceThatIsDownSaysToStartTheStack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // a token that only has to say when it expires: the request never reaches a service
        String token = "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"exp\":"
                + Instant.now().plusSeconds(1_800).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + ".sig";
        DemoApi api = new DemoApi((role, council, providerId) -> token, service -> "http://127.0.0.1:" + port);
        DemoException e = assertThrows(DemoException.class,
                () -> api.as("commissioner", "cambridgeshire").get("lot-service", "/dps"));
        assertTrue(e.getMessage().contains("lot-service is not reachable") && e.getMessage().contains("./dps up"),
                e.getMessage());
    }

    @Test
    void moneyStaysExact() {
        assertEquals("2531.00", DemoApi.read("{\"p\": 2531.00}").path("p").decimalValue().toPlainString());
    }
}
