package uk.gov.dps.deployment;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Helpers that read what a Deployment's container gets: its environment, ports and label matches. */
final class Workloads {

    /** Where an environment variable's value comes from: a literal (ConfigMaps resolved) or a Secret key. */
    record EnvValue(String value, SecretKeySelector secret) {

        String require(String name) {
            if (value == null) {
                throw new AssertionError(name + " is not a plain value (it comes from Secret " + secret.getName() + ")");
            }
            return value;
        }
    }

    private Workloads() {
    }

    static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(d.getMetadata().getName() + " should run exactly one container, has " + containers.size());
        }
        return containers.get(0);
    }

    static Map<String, String> podLabels(Deployment d) {
        return Optional.ofNullable(d.getSpec().getTemplate().getMetadata().getLabels()).orElse(Map.of());
    }

    /** The container's environment as the kubelet builds it: envFrom ConfigMaps first, then env entries. */
    static Map<String, EnvValue> environment(Manifests m, Container c) {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            String prefix = Objects.requireNonNullElse(from.getPrefix(), "");
            if (from.getConfigMapRef() != null) {
                ConfigMap cm = m.get(ConfigMap.class, from.getConfigMapRef().getName());
                Optional.ofNullable(cm.getData()).orElse(Map.of())
                        .forEach((k, v) -> env.put(prefix + k, new EnvValue(v, null)));
            }
            if (from.getSecretRef() != null) {
                throw new AssertionError(c.getName() + ": envFrom a Secret hides which names it sets; use"
                        + " env[].valueFrom.secretKeyRef");
            }
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), new EnvValue(e.getValue(), null));
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                env.put(e.getName(), new EnvValue(null, e.getValueFrom().getSecretKeyRef()));
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                env.put(e.getName(), new EnvValue(m.get(ConfigMap.class, ref.getName()).getData().get(ref.getKey()), null));
            } else {
                env.put(e.getName(), new EnvValue("<field or resource ref>", null));
            }
        }
        return env;
    }

    /** A probe's or Service's target port, by number or by the container port's name. */
    static int resolvePort(Container c, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError(c.getName() + " has no port named " + port.getStrVal()));
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not used in these manifests; extend Workloads.matches");
        }
        return matches(selector.getMatchLabels(), labels);
    }

    /** host and port of a URL such as http://keycloak:8080/realms/dps or jdbc:postgresql://db:5432/x. */
    static URI uri(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new AssertionError("expected host and explicit port in " + url);
        }
        return uri;
    }
}
