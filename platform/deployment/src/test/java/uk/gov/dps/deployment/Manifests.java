package uk.gov.dps.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * One rendered kustomization as typed objects: fabric8's Kubernetes model, Strimzi's model for Kafka resources,
 * and generic resources (checked by {@link CloudNativePg}) for CloudNativePG. Only the kinds below may appear.
 */
final class Manifests {

    /** apiVersion/kind → model class. A kind missing here fails the test: add it deliberately, with its checks. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("v1/Namespace", Namespace.class);
        KINDS.put("v1/ConfigMap", ConfigMap.class);
        KINDS.put("v1/Secret", Secret.class);
        KINDS.put("v1/Service", Service.class);
        KINDS.put("apps/v1/Deployment", Deployment.class);
        KINDS.put("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        KINDS.put("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
        KINDS.put("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);
        KINDS.put("networking.k8s.io/v1/Ingress", Ingress.class);
        KINDS.put("kafka.strimzi.io/v1/Kafka", Kafka.class);
        KINDS.put("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class);
        KINDS.put("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class);
        KINDS.put("postgresql.cnpg.io/v1/Cluster", GenericKubernetesResource.class);
        KINDS.put("postgresql.cnpg.io/v1/Database", GenericKubernetesResource.class);
        // Prometheus Operator (checked by MonitoringManifestsTest and AlertRulesTest)
        KINDS.put("monitoring.coreos.com/v1/ServiceMonitor", GenericKubernetesResource.class);
        KINDS.put("monitoring.coreos.com/v1/PrometheusRule", GenericKubernetesResource.class);
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Set<String> LABEL_NAMED_KINDS = Set.of("Namespace", "Service");

    final String source;
    final List<HasMetadata> resources = new ArrayList<>();
    /** Problems found while parsing: unknown kinds, unknown fields, invalid names. Tests assert it is empty. */
    final List<String> problems = new ArrayList<>();

    private Manifests(String source, List<Map<String, Object>> documents) {
        this.source = source;
        for (Map<String, Object> doc : documents) {
            String key = doc.get("apiVersion") + "/" + doc.get("kind");
            Class<? extends HasMetadata> type = KINDS.get(key);
            String where = key + " " + Repo.map(doc.getOrDefault("metadata", Map.of())).get("name");
            if (type == null) {
                problems.add(where + ": a kind these tests do not know; add it to Manifests.KINDS with its checks");
                continue;
            }
            HasMetadata resource;
            try {
                resource = SERIALIZATION.convertValue(doc, type);
            } catch (RuntimeException e) {
                problems.add(where + ": does not parse as " + type.getSimpleName() + ": " + e.getMessage());
                continue;
            }
            if (!(resource instanceof GenericKubernetesResource)) {
                unknownProperties(resource, where, problems);
            }
            checkName(resource, where);
            resources.add(resource);
        }
    }

    static Manifests of(String kustomizationDir) {
        return CACHE.computeIfAbsent(kustomizationDir, dir -> new Manifests(dir, Kustomize.documents(dir)));
    }

    /** Parses YAML that did not come from kustomize (the tests of these checks themselves). */
    static Manifests parse(String name, String yaml) {
        return new Manifests(name, Repo.yamlDocuments(yaml).stream().map(Repo::map).toList());
    }

    static Manifests overlay(String name) {
        return of("k8s/overlays/" + name);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(source + " has no " + type.getSimpleName() + " " + name));
    }

    private void checkName(HasMetadata resource, String where) {
        String name = resource.getMetadata() == null ? null : resource.getMetadata().getName();
        if (name == null || name.isEmpty()) {
            problems.add(where + ": metadata.name is required");
            return;
        }
        boolean label = LABEL_NAMED_KINDS.contains(resource.getKind());
        if (label ? !(name.length() <= 63 && DNS_LABEL.matcher(name).matches())
                : !(name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches())) {
            problems.add(where + ": invalid name (" + (label ? "DNS-1123 label" : "DNS-1123 subdomain") + ")");
        }
    }

    /**
     * The models keep fields they do not know in additionalProperties instead of failing; a misspelt field
     * ("readinesProbe") would be silently ignored by the API server's older validation and by these objects.
     * Walks the typed object and reports every such field with its path.
     */
    static void unknownProperties(Object root, String where, List<String> problems) {
        walk(root, where, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object o, String path, List<String> problems, Set<Object> seen) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>
                || !seen.add(o)) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object element : c) {
                walk(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method method : o.getClass().getMethods()) {
            String name = method.getName();
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class || !name.startsWith("get")) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(o);
            } catch (InvocationTargetException e) {
                problems.add(path + "." + name + ": " + e.getCause());
                continue;
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                walk(value, path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), problems, seen);
            }
        }
    }
}
