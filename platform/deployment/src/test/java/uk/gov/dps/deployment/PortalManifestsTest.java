package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.deployment.KubernetesOverlaysTest.hardened;
import static uk.gov.dps.deployment.KubernetesOverlaysTest.ingressPaths;
import static uk.gov.dps.deployment.KubernetesOverlaysTest.mebibytes;
import static uk.gov.dps.deployment.KubernetesOverlaysTest.port;
import static uk.gov.dps.deployment.KubernetesOverlaysTest.probe;
import static uk.gov.dps.deployment.Workloads.container;
import static uk.gov.dps.deployment.Workloads.environment;
import static uk.gov.dps.deployment.Workloads.matches;
import static uk.gov.dps.deployment.Workloads.podLabels;
import static uk.gov.dps.deployment.Workloads.resolvePort;
import static uk.gov.dps.deployment.Workloads.uri;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The portal in every overlay, held to the services' checks where they apply (port, probes, limits, hardening,
 * Service, HPA, PDB, environment it reads, Secrets) and to its own where it differs: no database, no Kafka; it is
 * reached only through the Ingress, at the root of its own host; it may reach exactly the services its REST clients
 * call and Keycloak, and those admit it; Keycloak's dps-portal client redirects to that host.
 */
class PortalManifestsTest {

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void thePortalRunsOnItsPortWithHealthProbesLimitsAndAHardenedContainer(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Deployment d = m.get(Deployment.class, Portal.NAME);
        Container c = container(d);
        Map<String, String> labels = podLabels(d);
        int port = Portal.port();
        String what = overlay + " portal";
        SoftAssertions soft = new SoftAssertions();

        soft.assertThat(matches(d.getSpec().getSelector(), labels)).as("%s: selector matches its pods", what).isTrue();
        soft.assertThat(labels).as("%s pod labels", what).containsEntry("app.kubernetes.io/part-of", "dps");
        soft.assertThat(c.getPorts()).as("%s ports", what).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(port);
        });
        probe(soft, what + " startupProbe", c, c.getStartupProbe(), "/q/health/started", port);
        probe(soft, what + " readinessProbe", c, c.getReadinessProbe(), "/q/health/ready", port);
        probe(soft, what + " livenessProbe", c, c.getLivenessProbe(), "/q/health/live", port);
        Map<String, Quantity> requests = Optional.ofNullable(c.getResources().getRequests()).orElse(Map.of());
        Map<String, Quantity> limits = Optional.ofNullable(c.getResources().getLimits()).orElse(Map.of());
        soft.assertThat(requests).as("%s requests", what).containsKeys("cpu", "memory");
        soft.assertThat(limits).as("%s limits", what).containsKey("memory");
        if (requests.containsKey("memory") && limits.containsKey("memory")) {
            BigDecimal limit = Quantity.getAmountInBytes(limits.get("memory"));
            soft.assertThat(Quantity.getAmountInBytes(requests.get("memory"))).as("%s memory request <= limit", what)
                    .isLessThanOrEqualTo(limit);
            soft.assertThat(limit).as("%s memory limit", what).isBetween(mebibytes(256), mebibytes(512));
        }
        hardened(soft, what, d.getSpec().getTemplate().getSpec(), c, true);
        soft.assertThat(c.getImage()).as("%s image", what).matches("(.+/)?dps/" + Portal.MODULE + "(:[^/]+|@sha256:.+)");

        Service svc = m.get(Service.class, Portal.NAME);
        soft.assertThat(matches(svc.getSpec().getSelector(), labels)).as("%s Service selects its pods", what).isTrue();
        soft.assertThat(svc.getSpec().getPorts()).as("%s Service port", what).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(resolvePort(c, p.getTargetPort())).isEqualTo(port);
        });
        HorizontalPodAutoscaler hpa = m.get(HorizontalPodAutoscaler.class, Portal.NAME);
        soft.assertThat(hpa.getSpec().getScaleTargetRef().getName()).as("%s HPA target", what).isEqualTo(Portal.NAME);
        soft.assertThat(hpa.getSpec().getMinReplicas()).as("%s HPA min", what).isPositive()
                .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        soft.assertThat(d.getSpec().getReplicas()).as("%s: replicas left to the HPA", what).isNull();
        PodDisruptionBudget pdb = m.get(PodDisruptionBudget.class, Portal.NAME);
        soft.assertThat(matches(pdb.getSpec().getSelector(), labels)).as("%s PDB selects its pods", what).isTrue();
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void thePortalGetsOnlyEnvironmentItReadsAndReachesKeycloakAndTheServicesInCluster(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        var env = environment(m, container(m.get(Deployment.class, Portal.NAME)));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(env.keySet().stream().filter(n -> !Portal.knownEnvironment().contains(n)))
                .as("%s portal: environment names it does not read (known: %s)", overlay, Portal.knownEnvironment())
                .isEmpty();
        soft.assertThat(env).as("%s portal: settings whose default is this machine", overlay)
                .containsKeys(Portal.localDefaults().toArray(String[]::new));
        soft.assertThat(env.keySet()).as("%s portal: no database, no Kafka", overlay)
                .noneMatch(n -> n.startsWith("QUARKUS_DATASOURCE_") || n.startsWith("KAFKA_"));
        // its client secret is the one Keycloak imports: the same Secret key
        var keycloak = environment(m, container(m.get(Deployment.class, "keycloak")));
        soft.assertThat(env.get(Portal.CLIENT_SECRET)).as("%s portal client secret", overlay).isNotNull()
                .extracting(Workloads.EnvValue::secret).isNotNull();
        if (env.get(Portal.CLIENT_SECRET) != null && env.get(Portal.CLIENT_SECRET).secret() != null) {
            var ours = env.get(Portal.CLIENT_SECRET).secret();
            var keycloaks = keycloak.get(Portal.REALM_CLIENT_SECRET).secret();
            soft.assertThat(ours.getName() + "/" + ours.getKey()).as("%s: the secret Keycloak imports", overlay)
                    .isEqualTo(keycloaks.getName() + "/" + keycloaks.getKey());
        }
        String oidc = env.get("QUARKUS_OIDC_AUTH_SERVER_URL").require("QUARKUS_OIDC_AUTH_SERVER_URL");
        soft.assertThat(uri(oidc).getHost() + uri(oidc).getPath()).as("%s portal OIDC", overlay)
                .isEqualTo("keycloak/realms/" + Realm.name());
        Set<String> services = new TreeSet<>();
        m.all(Service.class).forEach(s -> s.getSpec().getPorts().forEach(p -> services.add(s.getMetadata().getName()
                + ":" + p.getPort())));
        soft.assertThat(services).as("%s Keycloak Service", overlay).contains(Portal.hostAndPort(oidc));
        for (var called : Portal.calledServices().entrySet()) {
            var url = env.get(called.getValue());
            soft.assertThat(url).as("%s portal: %s", overlay, called.getValue()).isNotNull();
            if (url != null) {
                soft.assertThat(Portal.hostAndPort(url.require(called.getValue()))).as("%s portal calls %s by its Service",
                        overlay, called.getKey().name()).isEqualTo(called.getKey().name() + ":" + called.getKey().port());
            }
        }
        // TLS ends at the ingress controller: the sign-in redirect must be built from the forwarded https address
        soft.assertThat(env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING")).as("%s forwarded headers", overlay)
                .extracting(Workloads.EnvValue::value).isEqualTo("true");
        soft.assertThat(env.get("QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST")).as("%s forwarded host", overlay)
                .extracting(Workloads.EnvValue::value).isEqualTo("true");
        soft.assertThat(env).as("%s: secure cookies are not turned off", overlay).doesNotContainKey("DPS_PORTAL_SECURE_COOKIES");
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void thePortalIsReachedOnlyThroughTheIngressAndReachesOnlyKeycloakAndTheServicesItCalls(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Deployment portal = m.get(Deployment.class, Portal.NAME);
        Map<String, String> portalPods = podLabels(portal);
        List<NetworkPolicy> own = m.all(NetworkPolicy.class).stream().filter(p -> !Optional.ofNullable(
                p.getSpec().getPodSelector().getMatchLabels()).orElse(Map.of()).isEmpty()
                && matches(p.getSpec().getPodSelector(), portalPods)).toList();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(own).as("%s portal has its own NetworkPolicy", overlay).isNotEmpty();

        Set<Integer> ingressPorts = new TreeSet<>();
        Set<String> egress = new TreeSet<>(); // pod name label:port
        for (NetworkPolicy p : own) {
            Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).forEach(rule -> {
                rule.getPorts().forEach(port -> ingressPorts.add(port(port)));
                // people's browsers through the ingress controller, and Prometheus scraping /q/metrics
                soft.assertThat(rule.getFrom()).as("%s portal: ingress only from the ingress controller and Prometheus",
                        overlay).isNotEmpty().allSatisfy(peer -> {
                            assertThat(peer.getPodSelector()).isNull();
                            assertThat(peer.getIpBlock()).isNull();
                            assertThat(peer.getNamespaceSelector().getMatchLabels()).isIn(
                                    Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                                    Map.of("kubernetes.io/metadata.name", "monitoring"));
                        });
            });
            Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).forEach(rule -> {
                soft.assertThat(rule.getTo()).as("%s portal egress rule names its peers", overlay).isNotEmpty()
                        .allSatisfy(peer -> {
                            assertThat(peer.getIpBlock()).as("nothing outside the cluster").isNull();
                            assertThat(peer.getNamespaceSelector()).as("only pods of this namespace").isNull();
                        });
                for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getTo()).orElse(List.of())) {
                    String name = Optional.ofNullable(peer.getPodSelector()).map(s -> s.getMatchLabels())
                            .map(l -> l.get("app.kubernetes.io/name")).orElse("?");
                    rule.getPorts().forEach(port -> egress.add(name + ":" + port(port)));
                }
            });
        }
        soft.assertThat(ingressPorts).as("%s portal open ingress ports", overlay).containsExactly(Portal.port());

        var env = environment(m, container(portal));
        Set<String> needed = new TreeSet<>();
        needed.add(Portal.hostAndPort(env.get("QUARKUS_OIDC_AUTH_SERVER_URL").value()));
        Portal.calledServices().keySet().forEach(s -> needed.add(s.name() + ":" + s.port()));
        soft.assertThat(egress).as("%s portal egress (DNS is allow-dns): Keycloak and the services it calls", overlay)
                .isEqualTo(needed);

        // and each of those admits the portal on that port
        for (String target : needed) {
            String name = target.substring(0, target.indexOf(':'));
            int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
            Map<String, String> targetPods = podLabels(m.get(Deployment.class, name));
            boolean admitted = m.all(NetworkPolicy.class).stream()
                    .filter(p -> matches(p.getSpec().getPodSelector(), targetPods))
                    .flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                    .anyMatch(rule -> rule.getPorts().stream().anyMatch(rp -> port(rp) == port)
                            && rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() == null
                                    && peer.getPodSelector() != null && matches(peer.getPodSelector(), portalPods)));
            soft.assertThat(admitted).as("%s: %s admits the portal on %d", overlay, name, port).isTrue();
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void thePortalIsAtTheRootOfItsOwnHostWhichKeycloakRedirectsTo(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Set<String> hosts = new TreeSet<>();
        Set<String> tlsHosts = new TreeSet<>();
        for (Ingress ingress : m.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(r -> hosts.add(r.getHost()));
            Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of()).forEach(t -> tlsHosts.addAll(t.getHosts()));
        }
        List<String> portalHosts = new ArrayList<>(hosts.stream().filter(h -> ingressPaths(m, h, Portal.NAME).contains("/"))
                .toList());
        assertThat(portalHosts).as("%s: one host routing / to the portal", overlay).hasSize(1);
        String host = portalHosts.get(0);
        SoftAssertions soft = new SoftAssertions();
        // the services keep their own hosts; nothing else is routed on the portal's
        for (Ingress ingress : m.all(Ingress.class)) {
            ingress.getSpec().getRules().stream().filter(r -> host.equals(r.getHost()))
                    .forEach(r -> r.getHttp().getPaths().forEach(p -> soft.assertThat(p.getBackend().getService().getName())
                            .as("%s: backends on the portal's host", overlay).isEqualTo(Portal.NAME)));
        }
        // Keycloak imports the dps-portal client with this address as its redirect and sign-out URIs
        var keycloak = environment(m, container(m.get(Deployment.class, "keycloak")));
        soft.assertThat(keycloak.get(Portal.URL_PLACEHOLDER)).as("%s Keycloak %s", overlay, Portal.URL_PLACEHOLDER)
                .isNotNull();
        if (keycloak.get(Portal.URL_PLACEHOLDER) != null) {
            URI url = URI.create(keycloak.get(Portal.URL_PLACEHOLDER).require(Portal.URL_PLACEHOLDER));
            soft.assertThat(url.getHost()).as("%s: the portal's address Keycloak redirects to", overlay).isEqualTo(host);
            soft.assertThat(url.getPath()).as("%s portal address has no path", overlay).isEmpty();
            if (!overlay.equals("dev")) {
                soft.assertThat(url.getScheme()).as("%s portal address", overlay).isEqualTo("https");
                soft.assertThat(tlsHosts).as("%s TLS for the portal", overlay).contains(host);
            }
        }
        soft.assertThat(Realm.text()).as("the dps-portal client's redirect URIs come from %s", Portal.URL_PLACEHOLDER)
                .contains("\"${" + Portal.URL_PLACEHOLDER + ":http://localhost:" + Portal.port() + "}/*\"");
        soft.assertAll();
    }

    @Test
    void thePortalPomBuildsTheImageKubernetesRuns() {
        var pom = Repo.pom(Portal.MODULE + "/pom.xml");
        var profile = pom.getProfiles().stream().filter(p -> "container-image".equals(p.getId())).findFirst();
        assertThat(profile).as("portal: profile container-image").isPresent();
        assertThat(profile.get().getActivation().getProperty().getName()).isEqualTo("quarkus.container-image.build");
        assertThat(profile.get().getDependencies().stream().map(d -> d.getGroupId() + ":" + d.getArtifactId()))
                .contains("io.quarkus:quarkus-container-image-jib");
        assertThat(profile.get().getProperties().getProperty("quarkus.container-image.group")).isEqualTo("dps");
        Deployment d = Manifests.of("k8s/base").get(Deployment.class, Portal.NAME);
        assertThat(container(d).getImage()).isEqualTo("dps/portal:" + Repo.parentPomProperty("project.version"));
        assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .isEqualTo(ContainerImageTest.JIB_DEFAULT_USER);
    }
}
