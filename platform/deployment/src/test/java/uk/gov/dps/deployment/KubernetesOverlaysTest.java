package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.deployment.Workloads.container;
import static uk.gov.dps.deployment.Workloads.environment;
import static uk.gov.dps.deployment.Workloads.matches;
import static uk.gov.dps.deployment.Workloads.podLabels;
import static uk.gov.dps.deployment.Workloads.resolvePort;
import static uk.gov.dps.deployment.Workloads.uri;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every overlay under k8s/overlays, rendered by kustomize and read as typed objects, agrees with what the services
 * serve and read. No cluster is involved: what a live API server or the operators would add is not checked.
 */
class KubernetesOverlaysTest {

    static final String DOCS = "docs/deployment.md";
    static final int HTTPS = 443;
    static final String CLOUD_METADATA = "169.254.169.254/32";

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @Test
    void thereAreDevAndProdOverlays() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyManifestRendersAndIsAValidTypedObjectOfAKnownKind(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        assertThat(m.problems).as("problems in k8s/overlays/%s", overlay).isEmpty();
        List<String> cnpg = new ArrayList<>();
        m.all(GenericKubernetesResource.class).forEach(r -> cnpg.addAll(CloudNativePg.problems(r)));
        assertThat(cnpg).as("CloudNativePG resources of %s", overlay).isEmpty();

        List<Namespace> namespaces = m.all(Namespace.class);
        assertThat(namespaces).as("%s creates its namespace", overlay).hasSize(1);
        String namespace = namespaces.get(0).getMetadata().getName();
        assertThat(m.resources.stream().filter(r -> !(r instanceof Namespace)).map(r -> r.getMetadata().getNamespace()))
                .as("every resource of %s is in namespace %s", overlay, namespace).containsOnly(namespace);
        Set<String> seen = new HashSet<>();
        for (HasMetadata r : m.resources) {
            assertThat(seen.add(r.getKind() + "/" + r.getMetadata().getName())).as("duplicate %s %s", r.getKind(),
                    r.getMetadata().getName()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceRunsOnItsPortWithHealthProbesLimitsAndAHardenedContainer(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Services.Service s : Services.ALL) {
            Deployment d = m.get(Deployment.class, s.name());
            Map<String, String> labels = podLabels(d);
            Container c = container(d);
            String what = overlay + " " + s.name();
            soft.assertThat(matches(d.getSpec().getSelector(), labels)).as("%s: selector matches its pods", what).isTrue();
            soft.assertThat(labels).as("%s pod labels", what).containsEntry("app.kubernetes.io/component", "service")
                    .containsEntry("app.kubernetes.io/part-of", "dps");

            soft.assertThat(c.getPorts()).as("%s ports", what).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(s.port());
            });
            probe(soft, what + " startupProbe", c, c.getStartupProbe(), "/q/health/started", s.port());
            probe(soft, what + " readinessProbe", c, c.getReadinessProbe(), "/q/health/ready", s.port());
            probe(soft, what + " livenessProbe", c, c.getLivenessProbe(), "/q/health/live", s.port());

            Map<String, Quantity> requests = Optional.ofNullable(c.getResources().getRequests()).orElse(Map.of());
            Map<String, Quantity> limits = Optional.ofNullable(c.getResources().getLimits()).orElse(Map.of());
            soft.assertThat(requests).as("%s requests", what).containsKeys("cpu", "memory");
            soft.assertThat(limits).as("%s limits", what).containsKey("memory");
            if (requests.containsKey("memory") && limits.containsKey("memory")) {
                BigDecimal request = Quantity.getAmountInBytes(requests.get("memory"));
                BigDecimal limit = Quantity.getAmountInBytes(limits.get("memory"));
                soft.assertThat(request).as("%s memory request <= limit", what).isLessThanOrEqualTo(limit);
                // sized for ~200 MB resident JVMs: a limit far above that hides a leak until the node runs out
                soft.assertThat(limit).as("%s memory limit", what).isBetween(mebibytes(256), mebibytes(512));
            }

            hardened(soft, what, d.getSpec().getTemplate().getSpec(), c, true);
            soft.assertThat(c.getImage()).as("%s image", what).matches("(.+/)?dps/" + s.module() + "(:[^/]+|@sha256:.+)");

            Map<String, String> annotations = Optional.ofNullable(d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .orElse(Map.of());
            soft.assertThat(annotations).as("%s Prometheus annotations", what).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/q/metrics").containsEntry("prometheus.io/port", "" + s.port());

            Service svc = m.get(Service.class, s.name());
            soft.assertThat(matches(svc.getSpec().getSelector(), labels)).as("%s Service selects its pods", what).isTrue();
            soft.assertThat(svc.getSpec().getPorts()).as("%s Service port", what).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(resolvePort(c, p.getTargetPort())).isEqualTo(s.port());
            });

            HorizontalPodAutoscaler hpa = m.get(HorizontalPodAutoscaler.class, s.name());
            soft.assertThat(hpa.getSpec().getScaleTargetRef().getKind()).as("%s HPA target kind", what).isEqualTo("Deployment");
            soft.assertThat(hpa.getSpec().getScaleTargetRef().getName()).as("%s HPA target", what).isEqualTo(s.name());
            soft.assertThat(hpa.getSpec().getMinReplicas()).as("%s HPA min", what).isPositive()
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            soft.assertThat(d.getSpec().getReplicas()).as("%s: replicas left to the HPA", what).isNull();

            PodDisruptionBudget pdb = m.get(PodDisruptionBudget.class, s.name());
            soft.assertThat(matches(pdb.getSpec().getSelector(), labels)).as("%s PDB selects its pods", what).isTrue();
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceGetsOnlyEnvironmentItReadsAndEverythingItNeeds(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Services.Service s : Services.ALL) {
            String what = overlay + " " + s.name();
            var env = environment(m, container(m.get(Deployment.class, s.name())));
            soft.assertThat(env.keySet().stream().filter(n -> !Services.isKnownEnvironment(n)))
                    .as("%s: environment names no service reads (known: %s)", what, Services.knownEnvironment()).isEmpty();
            soft.assertThat(env).as("%s environment", what).containsKeys(Services.REQUIRED_ENVIRONMENT.toArray(String[]::new));
            soft.assertThat(env).as("%s: settings whose default is this machine", what)
                    .containsKeys(Services.localDefaults(s).toArray(String[]::new));
            if (!env.keySet().containsAll(Services.REQUIRED_ENVIRONMENT)) {
                continue;
            }
            String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL").require("QUARKUS_DATASOURCE_JDBC_URL");
            soft.assertThat(uri(jdbc).getPath()).as("%s database", what).isEqualTo("/" + s.database());
            soft.assertThat(env.get("QUARKUS_DATASOURCE_USERNAME").secret()).as("%s DB user from a Secret", what).isNotNull();
            soft.assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").secret()).as("%s DB password from a Secret", what).isNotNull();
            String oidc = env.get("QUARKUS_OIDC_AUTH_SERVER_URL").require("QUARKUS_OIDC_AUTH_SERVER_URL");
            soft.assertThat(uri(oidc).getPath()).as("%s OIDC realm", what).isEqualTo("/realms/" + Realm.name());
            if (env.containsKey("QUARKUS_HTTP_PORT")) {
                soft.assertThat(env.get("QUARKUS_HTTP_PORT").value()).as("%s QUARKUS_HTTP_PORT", what).isEqualTo("" + s.port());
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferenceResolvesAndMissingSecretsAreDocumented(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Set<String> configMaps = names(m.all(ConfigMap.class));
        Set<String> services = names(m.all(Service.class));
        Set<String> missingSecrets = new TreeSet<>();
        SoftAssertions soft = new SoftAssertions();

        for (Deployment d : m.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                Optional.ofNullable(c.getEnvFrom()).orElse(List.of()).stream().filter(f -> f.getConfigMapRef() != null)
                        .forEach(f -> soft.assertThat(configMaps).as("%s envFrom", d.getMetadata().getName())
                                .contains(f.getConfigMapRef().getName()));
                for (var e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    var ref = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
                    if (ref == null) {
                        continue;
                    }
                    soft.assertThat(ref.getOptional()).as("%s %s: a missing Secret must stop the pod", d.getMetadata().getName(),
                            e.getName()).isNotEqualTo(Boolean.TRUE);
                    Optional<Secret> secret = m.find(Secret.class, ref.getName());
                    if (secret.isEmpty()) {
                        missingSecrets.add(ref.getName());
                    } else {
                        soft.assertThat(keys(secret.get())).as("keys of Secret %s", ref.getName()).contains(ref.getKey());
                    }
                }
            }
            for (Volume v : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (v.getConfigMap() != null) {
                    soft.assertThat(configMaps).as("%s volume %s", d.getMetadata().getName(), v.getName())
                            .contains(v.getConfigMap().getName());
                }
                if (v.getSecret() != null && m.find(Secret.class, v.getSecret().getSecretName()).isEmpty()) {
                    missingSecrets.add(v.getSecret().getSecretName());
                }
            }
        }
        for (Ingress ingress : m.all(Ingress.class)) {
            for (IngressTLS tls : Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of())) {
                if (m.find(Secret.class, tls.getSecretName()).isEmpty()) {
                    missingSecrets.add(tls.getSecretName());
                }
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    soft.assertThat(services).as("Ingress backend of %s%s", rule.getHost(), path.getPath()).contains(backend.getName());
                    m.find(Service.class, backend.getName()).ifPresent(svc -> soft.assertThat(svc.getSpec().getPorts()
                            .stream().map(ServicePort::getName)).as("ports of Service %s", backend.getName())
                            .contains(backend.getPort().getName()));
                }
            }
        }
        for (GenericKubernetesResource cluster : m.generic("Cluster")) {
            for (var role : CloudNativePg.managedRoles(cluster)) {
                if (role.passwordSecret() != null && m.find(Secret.class, role.passwordSecret()).isEmpty()) {
                    missingSecrets.add(role.passwordSecret());
                }
            }
        }
        for (GenericKubernetesResource db : m.generic("Database")) {
            String cluster = (String) Repo.map(CloudNativePg.spec(db).get("cluster")).get("name");
            soft.assertThat(names(m.generic("Cluster"))).as("cluster of Database %s", db.getMetadata().getName()).contains(cluster);
        }
        Set<String> kafkas = names(m.all(Kafka.class));
        Stream.concat(m.all(KafkaNodePool.class).stream(), m.all(KafkaTopic.class).stream())
                .forEach(r -> soft.assertThat(kafkas).as("strimzi.io/cluster of %s %s", r.getKind(), r.getMetadata().getName())
                        .contains(r.getMetadata().getLabels().get("strimzi.io/cluster")));

        if (overlay.equals("dev")) {
            soft.assertThat(missingSecrets).as("dev generates every Secret it uses").isEmpty();
        } else {
            String docs = Repo.read(DOCS);
            soft.assertThat(missingSecrets.stream().filter(s -> !docs.contains("`" + s + "`")))
                    .as("Secrets %s expects to exist must be listed in %s", overlay, DOCS).isEmpty();
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesDenyByDefaultAndAllowOnlyWhatTheArchitectureNeeds(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        List<NetworkPolicy> policies = m.all(NetworkPolicy.class);
        SoftAssertions soft = new SoftAssertions();

        soft.assertThat(policies).as("%s default deny", overlay).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        soft.assertThat(policies).as("%s DNS egress for every pod", overlay).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts())
                    .anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));
        });

        // every pod selector (of a policy or of a same-namespace peer) selects something this overlay runs
        List<Map<String, String>> pods = new ArrayList<>(m.all(Deployment.class).stream().map(Workloads::podLabels).toList());
        m.all(Kafka.class).forEach(k -> pods.add(Map.of("strimzi.io/cluster", k.getMetadata().getName())));
        m.generic("Cluster").forEach(c -> pods.add(Map.of("cnpg.io/cluster", c.getMetadata().getName())));
        for (NetworkPolicy p : policies) {
            List<Map<String, String>> selectors = new ArrayList<>();
            selectors.add(p.getSpec().getPodSelector().getMatchLabels());
            peers(p).filter(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null)
                    .forEach(peer -> selectors.add(peer.getPodSelector().getMatchLabels()));
            for (Map<String, String> selector : selectors) {
                if (selector != null && !selector.isEmpty()) {
                    soft.assertThat(pods.stream().anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet())))
                            .as("NetworkPolicy %s selector %s selects a pod of %s", p.getMetadata().getName(), selector, overlay)
                            .isTrue();
                }
            }
        }

        for (Services.Service s : Services.ALL) {
            Deployment d = m.get(Deployment.class, s.name());
            var env = environment(m, container(d));
            Set<Integer> needed = new TreeSet<>();
            needed.add(uri(env.get("QUARKUS_DATASOURCE_JDBC_URL").value()).getPort());
            needed.add(uri(env.get("QUARKUS_OIDC_AUTH_SERVER_URL").value()).getPort());
            for (String server : env.get("KAFKA_BOOTSTRAP_SERVERS").value().split(",")) {
                needed.add(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
            }
            // a service that sends email reaches its SMTP relay, outside the cluster
            Set<Integer> outsideAllowed = new TreeSet<>(Set.of(HTTPS));
            if (env.containsKey("QUARKUS_MAILER_PORT")) {
                int relay = Integer.parseInt(env.get("QUARKUS_MAILER_PORT").require("QUARKUS_MAILER_PORT"));
                needed.add(relay);
                outsideAllowed.add(relay);
            }
            List<NetworkPolicy> own = policies.stream().filter(p -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                    && matches(p.getSpec().getPodSelector(), podLabels(d))).toList();
            soft.assertThat(own).as("%s %s has its own NetworkPolicy", overlay, s.name()).isNotEmpty();
            Set<Integer> ingressPorts = new TreeSet<>();
            Set<Integer> egressPorts = new TreeSet<>();
            Set<Integer> outsidePorts = new TreeSet<>();
            for (NetworkPolicy p : own) {
                Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).forEach(rule -> {
                    soft.assertThat(rule.getPorts()).as("%s ingress rule names its ports", s.name()).isNotEmpty();
                    Optional.ofNullable(rule.getPorts()).orElse(List.of()).forEach(port -> ingressPorts.add(port(port)));
                });
                Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).forEach(rule -> {
                    soft.assertThat(rule.getPorts()).as("%s egress rule names its ports", s.name()).isNotEmpty();
                    soft.assertThat(rule.getTo()).as("%s egress rule names its peers", s.name()).isNotEmpty();
                    Optional.ofNullable(rule.getPorts()).orElse(List.of()).forEach(port -> egressPorts.add(port(port)));
                    List<IPBlock> outside = Optional.ofNullable(rule.getTo()).orElse(List.of()).stream()
                            .map(NetworkPolicyPeer::getIpBlock).filter(Objects::nonNull).toList();
                    if (!outside.isEmpty()) {
                        Optional.ofNullable(rule.getPorts()).orElse(List.of()).forEach(port -> outsidePorts.add(port(port)));
                    }
                    // credentials of the node's cloud account are one request away there
                    outside.forEach(block -> soft.assertThat(block.getExcept()).as("%s %s egress to %s", overlay, s.name(),
                            block.getCidr()).contains(CLOUD_METADATA));
                });
            }
            soft.assertThat(ingressPorts).as("%s %s open ingress ports", overlay, s.name()).containsExactly(s.port());
            // outside the cluster only its mail relay and HTTPS (councils' webhook endpoints), never the platform's ports
            soft.assertThat(outsidePorts).as("%s %s egress ports outside the cluster", overlay, s.name())
                    .isSubsetOf(outsideAllowed);
            Set<Integer> expected = new TreeSet<>(needed);
            expected.addAll(outsidePorts);
            soft.assertThat(egressPorts).as("%s %s egress ports (PostgreSQL, Kafka, Keycloak, its mail relay)", overlay,
                    s.name()).isEqualTo(expected);
        }

        for (Kafka kafka : m.all(Kafka.class)) {
            for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                soft.assertThat(listener.getNetworkPolicyPeers()).as("Kafka listener %s peers", listener.getName())
                        .isNotEmpty().allSatisfy(peer -> assertThat(Services.ALL.stream().allMatch(s -> matches(
                                peer.getPodSelector(), podLabels(m.get(Deployment.class, s.name()))))).isTrue());
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsCoverEveryTopicTheServicesPublishOrConsume(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        List<Kafka> kafkas = m.all(Kafka.class);
        assertThat(kafkas).as("%s Kafka clusters", overlay).hasSize(1);
        Kafka kafka = kafkas.get(0);
        String cluster = kafka.getMetadata().getName();
        List<KafkaNodePool> pools = m.all(KafkaNodePool.class);
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(pools).as("%s KRaft controllers", overlay).anyMatch(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER));
        assertThat(brokers).as("%s brokers", overlay).isPositive();

        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(config).as("%s: topics only from KafkaTopic resources", overlay).containsEntry("auto.create.topics.enable", false);
        assertThat((Integer) config.get("default.replication.factor")).as("%s default.replication.factor", overlay)
                .isLessThanOrEqualTo(brokers);
        assertThat((Integer) config.get("min.insync.replicas")).as("%s min.insync.replicas", overlay)
                .isLessThanOrEqualTo((Integer) config.get("default.replication.factor"));

        SoftAssertions soft = new SoftAssertions();
        Map<String, KafkaTopic> topics = new java.util.TreeMap<>();
        for (KafkaTopic t : m.all(KafkaTopic.class)) {
            topics.put(Objects.requireNonNullElse(t.getSpec().getTopicName(), t.getMetadata().getName()), t);
        }
        for (String topic : Services.requiredTopics()) {
            KafkaTopic t = topics.get(topic);
            soft.assertThat(t).as("%s KafkaTopic for %s", overlay, topic).isNotNull();
            if (t == null) {
                continue;
            }
            soft.assertThat(t.getMetadata().getLabels()).as("%s cluster", topic).containsEntry("strimzi.io/cluster", cluster);
            soft.assertThat(t.getSpec().getPartitions()).as("%s partitions", topic).isPositive();
            soft.assertThat(t.getSpec().getReplicas()).as("%s replicas", topic).isPositive().isLessThanOrEqualTo(brokers);
            Object minIsr = t.getSpec().getConfig().get("min.insync.replicas");
            soft.assertThat(minIsr == null ? 1 : (Integer) minIsr).as("%s min.insync.replicas", topic)
                    .isLessThanOrEqualTo(t.getSpec().getReplicas());
        }

        // services reach the cluster through its bootstrap Service on a plain listener (they have no TLS settings)
        Set<String> bootstraps = new TreeSet<>();
        for (GenericKafkaListener l : kafka.getSpec().getKafka().getListeners()) {
            if (!l.isTls()) {
                bootstraps.add(cluster + "-kafka-bootstrap:" + l.getPort());
            }
        }
        for (Services.Service s : Services.ALL) {
            var env = environment(m, container(m.get(Deployment.class, s.name())));
            soft.assertThat(bootstraps).as("%s %s KAFKA_BOOTSTRAP_SERVERS", overlay, s.name())
                    .contains(env.get("KAFKA_BOOTSTRAP_SERVERS").value());
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresHasADatabaseOwnedByEachServicesOwnRole(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        List<GenericKubernetesResource> clusters = m.generic("Cluster");
        assertThat(clusters).as("%s PostgreSQL clusters", overlay).hasSize(1);
        GenericKubernetesResource cluster = clusters.get(0);
        var roles = CloudNativePg.managedRoles(cluster);
        SoftAssertions soft = new SoftAssertions();

        List<String[]> users = new ArrayList<>(); // workload, JDBC URL, Secret with username/password
        for (Services.Service s : Services.ALL) {
            var env = environment(m, container(m.get(Deployment.class, s.name())));
            soft.assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").secret().getName()).as("%s DB user and password", s.name())
                    .isEqualTo(env.get("QUARKUS_DATASOURCE_USERNAME").secret().getName());
            users.add(new String[] {s.name(), env.get("QUARKUS_DATASOURCE_JDBC_URL").value(),
                    env.get("QUARKUS_DATASOURCE_USERNAME").secret().getName()});
        }
        var keycloak = environment(m, container(m.get(Deployment.class, "keycloak")));
        users.add(new String[] {"keycloak", keycloak.get("KC_DB_URL").value(), keycloak.get("KC_DB_USERNAME").secret().getName()});

        for (String[] user : users) {
            URI jdbc = uri(user[1]);
            String database = jdbc.getPath().substring(1);
            soft.assertThat(jdbc.getHost() + ":" + jdbc.getPort()).as("%s connects to the primary", user[0])
                    .isEqualTo(cluster.getMetadata().getName() + "-rw:5432");
            Optional<GenericKubernetesResource> db = m.generic("Database").stream()
                    .filter(d -> database.equals(CloudNativePg.spec(d).get("name"))).findFirst();
            soft.assertThat(db).as("%s: a Database %s", user[0], database).isPresent();
            if (db.isEmpty()) {
                continue;
            }
            String owner = (String) CloudNativePg.spec(db.get()).get("owner");
            var role = roles.stream().filter(r -> r.name().equals(owner)).findFirst();
            soft.assertThat(role).as("%s: managed role %s", user[0], owner).isPresent();
            role.ifPresent(r -> soft.assertThat(r.passwordSecret()).as("%s: role %s password", user[0], owner)
                    .isEqualTo(user[2]));
            m.find(Secret.class, user[2]).ifPresent(secret -> soft.assertThat(value(secret, "username"))
                    .as("%s: username in Secret %s", user[0], user[2]).isEqualTo(owner));
            soft.assertThat(users.stream().filter(u -> u[1].equals(user[1])).count()).as("%s shares no database", user[0])
                    .isEqualTo(1);
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void keycloakImportsTheDpsRealmWithItsSecretsAndIsTheIssuerAtItsIngressHost(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Deployment d = m.get(Deployment.class, "keycloak");
        Container c = container(d);
        var env = environment(m, c);
        SoftAssertions soft = new SoftAssertions();

        soft.assertThat(c.getImage()).as("Keycloak as `./dps up`").endsWith("/keycloak:" + Realm.keycloakVersion());
        soft.assertThat(c.getArgs()).as("Keycloak args").contains("--import-realm");
        var importDir = c.getVolumeMounts().stream().filter(v -> v.getMountPath().equals("/opt/keycloak/data/import")).findFirst();
        soft.assertThat(importDir).as("realm import directory mounted").isPresent();
        importDir.ifPresent(mount -> {
            Volume v = d.getSpec().getTemplate().getSpec().getVolumes().stream().filter(x -> x.getName().equals(mount.getName()))
                    .findFirst().orElseThrow();
            ConfigMap realm = m.get(ConfigMap.class, v.getConfigMap().getName());
            soft.assertThat(realm.getData()).as("realm ConfigMap").containsEntry("dps-realm.json", Realm.text());
        });
        for (String placeholder : Realm.placeholders().keySet()) {
            // secrets from a Secret; the portal's public address (its redirect URIs) is configuration, checked against
            // the Ingress in PortalManifestsTest
            boolean secret = !placeholder.equals(Portal.URL_PLACEHOLDER);
            soft.assertThat(env.get(placeholder)).as("%s: realm placeholder %s given", overlay, placeholder).isNotNull();
            if (env.get(placeholder) != null) {
                soft.assertThat(env.get(placeholder).secret() != null).as("%s: realm placeholder %s from a Secret",
                        overlay, placeholder).isEqualTo(secret);
            }
        }
        hardened(soft, overlay + " keycloak", d.getSpec().getTemplate().getSpec(), c, false);

        // services fetch discovery and keys in-cluster; the issuer is the public host the Ingress serves
        Service svc = m.get(Service.class, "keycloak");
        for (Services.Service s : Services.ALL) {
            URI oidc = uri(environment(m, container(m.get(Deployment.class, s.name()))).get("QUARKUS_OIDC_AUTH_SERVER_URL").value());
            soft.assertThat(oidc.getHost()).as("%s reaches Keycloak by its Service", s.name()).isEqualTo("keycloak");
            soft.assertThat(svc.getSpec().getPorts().stream().map(ServicePort::getPort)).as("Keycloak Service port")
                    .contains(oidc.getPort());
        }
        URI hostname = URI.create(env.get("KC_HOSTNAME").value());
        soft.assertThat(ingressPaths(m, hostname.getHost(), "keycloak")).as("%s Ingress for %s", overlay, hostname)
                .contains("/realms/");
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressRoutesEachServiceOnItsOwnHost(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        List<Ingress> ingresses = m.all(Ingress.class);
        assertThat(ingresses).as("%s Ingress", overlay).isNotEmpty();
        SoftAssertions soft = new SoftAssertions();
        Set<String> hosts = new TreeSet<>();
        for (Ingress ingress : ingresses) {
            ingress.getSpec().getRules().forEach(r -> hosts.add(r.getHost()));
            Set<String> tlsHosts = new TreeSet<>();
            Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of()).forEach(t -> tlsHosts.addAll(t.getHosts()));
            if (!overlay.equals("dev")) {
                soft.assertThat(tlsHosts).as("%s: TLS for every host", overlay).containsAll(
                        ingress.getSpec().getRules().stream().map(IngressRule::getHost).toList());
            }
        }
        for (Services.Service s : Services.ALL) {
            soft.assertThat(hosts.stream().filter(h -> ingressPaths(m, h, s.name()).contains("/")))
                    .as("%s: a host routing / to %s", overlay, s.name()).hasSize(1);
        }
        soft.assertAll();
    }

    // --- the checks above catch mistakes ------------------------------------------------------------------------

    @Test
    void aMisspeltFieldOrAnUnknownKindIsReported() {
        Manifests m = Manifests.parse("broken", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: Bad_Name}
                spec: {partitions: 3, replica: 1}
                ---
                apiVersion: example.org/v1
                kind: Widget
                metadata: {name: w}
                """);
        assertThat(String.join("\n", m.problems)).contains("readinesProbe").contains("replica").contains("Bad_Name")
                .contains("Widget");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    static void probe(SoftAssertions soft, String what, Container c, Probe probe, String path, int port) {
        soft.assertThat(probe).as(what).isNotNull();
        if (probe != null) {
            soft.assertThat(probe.getHttpGet()).as(what + " is an HTTP GET").isNotNull();
            if (probe.getHttpGet() != null) {
                soft.assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
                soft.assertThat(resolvePort(c, probe.getHttpGet().getPort())).as(what + " port").isEqualTo(port);
            }
        }
    }

    /** Pod Security Standard `restricted` plus: no API token, /tmp writable, root filesystem read-only if asked. */
    static void hardened(SoftAssertions soft, String what, PodSpec pod, Container c, boolean readOnlyRoot) {
        var podSecurity = pod.getSecurityContext();
        soft.assertThat(podSecurity.getRunAsNonRoot()).as("%s runAsNonRoot", what).isTrue();
        soft.assertThat(podSecurity.getRunAsUser()).as("%s runAsUser", what).isPositive();
        soft.assertThat(podSecurity.getSeccompProfile().getType()).as("%s seccomp", what).isEqualTo("RuntimeDefault");
        soft.assertThat(pod.getAutomountServiceAccountToken()).as("%s automountServiceAccountToken", what).isFalse();
        var security = c.getSecurityContext();
        soft.assertThat(security.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", what).isFalse();
        soft.assertThat(security.getCapabilities().getDrop()).as("%s drops capabilities", what).containsExactly("ALL");
        soft.assertThat(security.getCapabilities().getAdd()).as("%s adds no capabilities", what).isNullOrEmpty();
        soft.assertThat(security.getPrivileged()).as("%s privileged", what).isNotEqualTo(Boolean.TRUE);
        if (readOnlyRoot) {
            soft.assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", what).isTrue();
        }
        var tmp = c.getVolumeMounts().stream().filter(v -> v.getMountPath().equals("/tmp")).findFirst();
        soft.assertThat(tmp).as("%s /tmp mount", what).isPresent();
        tmp.ifPresent(mount -> soft.assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())
                && v.getEmptyDir() != null)).as("%s /tmp is an emptyDir", what).hasSize(1));
    }

    static Set<String> ingressPaths(Manifests m, String host, String service) {
        Set<String> paths = new TreeSet<>();
        for (Ingress ingress : m.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (host.equals(rule.getHost())) {
                    rule.getHttp().getPaths().stream().filter(p -> service.equals(p.getBackend().getService().getName()))
                            .forEach(p -> paths.add(p.getPath()));
                }
            }
        }
        return paths;
    }

    static Stream<NetworkPolicyPeer> peers(NetworkPolicy p) {
        return Stream.concat(
                Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream()
                        .flatMap(r -> Optional.ofNullable(r.getFrom()).orElse(List.of()).stream()),
                Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream()
                        .flatMap(r -> Optional.ofNullable(r.getTo()).orElse(List.of()).stream()));
    }

    static int port(NetworkPolicyPort port) {
        if (port.getPort() == null || port.getPort().getIntVal() == null) {
            throw new AssertionError("NetworkPolicy ports here are numbers: " + port);
        }
        return port.getPort().getIntVal();
    }

    static Set<String> names(List<? extends HasMetadata> resources) {
        Set<String> names = new TreeSet<>();
        resources.forEach(r -> names.add(r.getMetadata().getName()));
        return names;
    }

    private static Set<String> keys(Secret s) {
        Set<String> keys = new TreeSet<>();
        Optional.ofNullable(s.getData()).ifPresent(d -> keys.addAll(d.keySet()));
        Optional.ofNullable(s.getStringData()).ifPresent(d -> keys.addAll(d.keySet()));
        return keys;
    }

    private static String value(Secret s, String key) {
        if (s.getStringData() != null && s.getStringData().containsKey(key)) {
            return s.getStringData().get(key);
        }
        String encoded = Optional.ofNullable(s.getData()).map(d -> d.get(key)).orElse(null);
        return encoded == null ? null : new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
    }

    static BigDecimal mebibytes(int n) {
        return BigDecimal.valueOf(n * 1024L * 1024L);
    }
}
