package uk.gov.dps.notification.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import uk.gov.dps.notification.domain.NotificationKind;
import uk.gov.dps.notification.service.NotificationQueries;
import uk.gov.dps.notification.service.Preferences;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.ProblemException;

@Path("/notification-preferences")
@Tag(name = "Notifications")
@Authenticated
public class PreferenceResource {

    @Inject
    Preferences preferences;

    @Inject
    NotificationQueries queries;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    public record KindView(String kind, String description) {
    }

    public record PreferencesView(String email, List<String> emailKinds, List<KindView> kinds) {
    }

    /** {@code email}: where to send; absent, the token's email claim. {@code emailKinds}: empty for no email. */
    public record PreferencesRequest(@Email(message = "must be an email address") @Size(max = 254) String email,
            @NotNull(message = "is required (empty for no email)") List<String> emailKinds) {
    }

    @GET
    @Operation(summary = "Your notification settings: which kinds you also get by email (all are in-app)")
    public PreferencesView get() {
        queries.audiences(caller);
        var saved = preferences.of(caller.subject());
        return view(saved.map(Preferences.Preference::email).orElse(tokenEmail()),
                saved.map(Preferences.Preference::emailKinds).orElse(List.of()));
    }

    @PUT
    @Operation(summary = "Choose which kinds of notification you also get by email, and at which address")
    public PreferencesView put(@Valid @NotNull PreferencesRequest request) {
        List<String> audiences = queries.audiences(caller);
        LinkedHashSet<String> kinds = new LinkedHashSet<>();
        for (String kind : request.emailKinds()) {
            try {
                kinds.add(NotificationKind.valueOf(String.valueOf(kind).strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("emailKinds", "must each be one of "
                        + Arrays.stream(NotificationKind.values()).map(Enum::name).toList());
            }
        }
        String email = request.email() != null && !request.email().isBlank() ? request.email().strip() : tokenEmail();
        if (!kinds.isEmpty() && email == null) {
            throw ProblemException.badRequest("email", "is required: your token has no email address");
        }
        preferences.save(caller.subject(), email, audiences, new ArrayList<>(kinds));
        return view(email, new ArrayList<>(kinds));
    }

    private String tokenEmail() {
        Object email = token.getClaim("email");
        return email == null || email.toString().isBlank() ? null : email.toString();
    }

    private static PreferencesView view(String email, List<String> emailKinds) {
        return new PreferencesView(email, emailKinds, Arrays.stream(NotificationKind.values())
                .map(k -> new KindView(k.name(), k.description())).toList());
    }
}
