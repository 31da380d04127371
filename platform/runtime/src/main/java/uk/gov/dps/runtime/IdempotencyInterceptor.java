package uk.gov.dps.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Runs an {@link Idempotent} method in one transaction with the record of its key: the work and the stored
 * answer commit together or not at all. A concurrent retry with the same key waits on the key's row and then
 * replays the answer; if the first attempt failed (rolled back), the retry does the work.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    @Inject
    HttpServerRequest request;

    @Inject
    Caller caller;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private record Stored(String fingerprint, int status, String location, String body) {
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 255 characters");
        }
        String owner = caller.subject();
        String fingerprint = fingerprint(invocation);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Optional<Stored> earlier = claim(owner, key, fingerprint);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    throw ProblemException.unprocessable(
                            "Idempotency-Key " + key + " was already used for a different request.");
                }
                return replay(earlier.get());
            }
            Object result = invocation.proceed();
            if (result instanceof Response response) {
                store(owner, key, response);
            }
            return result;
        });
    }

    /** Inserts the key, or returns what an earlier request with it stored (waiting for it to commit). */
    private Optional<Stored> claim(String owner, String key, String fingerprint) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO idempotency_key (caller, key, fingerprint) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, owner);
                insert.setString(2, key);
                insert.setString(3, fingerprint);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT fingerprint, status, location, body FROM idempotency_key WHERE caller = ? AND key = ?")) {
                select.setString(1, owner);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Optional.of(new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
    }

    private void store(String owner, String key, Response response) throws SQLException, JsonProcessingException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE idempotency_key SET status = ?, location = ?, body = ? WHERE caller = ? AND key = ?")) {
            update.setInt(1, response.getStatus());
            update.setString(2, response.getLocation() == null ? null : response.getLocation().toString());
            update.setString(3, response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
            update.setString(4, owner);
            update.setString(5, key);
            update.executeUpdate();
        }
    }

    private static Response replay(Stored stored) {
        Response.ResponseBuilder answer = Response.status(stored.status()).header(REPLAYED, "true");
        if (stored.location() != null) {
            answer.header("Location", stored.location());
        }
        if (stored.body() != null) {
            answer.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private String fingerprint(InvocationContext invocation) throws JsonProcessingException {
        StringBuilder text = new StringBuilder(request.method().name()).append(' ').append(request.path());
        for (Object parameter : invocation.getParameters()) {
            text.append('\n').append(json.writeValueAsString(parameter));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
