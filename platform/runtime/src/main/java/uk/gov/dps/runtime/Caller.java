package uk.gov.dps.runtime;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who is calling, from the bearer token: the roles, the {@code council} that scopes placements and budgets,
 * and for provider users the {@code provider_id} of their organisation. Services check scope here so that a
 * wrong council or provider gets 403 and never someone else's data.
 */
@RequestScoped
public class Caller {

    @Inject
    PartnerCouncils partners;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String name() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /** The token's subject: stable for a user or a council's system client, whatever its display name. */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    }

    /** The caller as the actor of a decision in the {@link AuditTrail}. */
    public AuditTrail.Actor asActor() {
        return new AuditTrail.Actor(name(), councilClaim().orElse(null));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> councilClaim() {
        return Optional.ofNullable(token.<Object>getClaim("council")).map(Object::toString);
    }

    /**
     * The caller's council; 403 when the token names none or one that is not a partner (e.g. a provider user on a
     * council-only operation).
     */
    public String requirePartnerCouncil() {
        return councilClaim().filter(partners::isPartner)
                .orElseThrow(() -> ProblemException.forbidden("Your token is not scoped to a partner council."));
    }

    /** 403 unless the caller belongs to {@code council}. */
    public void requireCouncil(String council) {
        if (!requirePartnerCouncil().equals(council)) {
            throw ProblemException.forbidden("You may act only for your own council.");
        }
    }

    public Optional<UUID> providerClaim() {
        Object claim = token.getClaim("provider_id");
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For callers with the provider role: 403 unless {@code providerId} is their own organisation. */
    public void requireOwnProviderIfProvider(UUID providerId) {
        if (hasRole(Roles.PROVIDER) && !providerClaim().map(providerId::equals).orElse(false)) {
            throw ProblemException.forbidden("Provider users may act only for their own organisation.");
        }
    }
}
