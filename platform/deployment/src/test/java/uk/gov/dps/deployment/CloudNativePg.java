package uk.gov.dps.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * A minimal schema for the CloudNativePG resources used here (postgresql.cnpg.io/v1 Cluster and Database): no
 * Java model of them is published on Maven Central, so field names (from the CloudNativePG API reference) and
 * the types of the fields these manifests set are checked by hand.
 */
final class CloudNativePg {

    static final Set<String> CLUSTER_SPEC = Set.of("affinity", "backup", "bootstrap", "certificates", "description",
            "enablePDB", "enableSuperuserAccess", "env", "envFrom", "ephemeralVolumeSource",
            "ephemeralVolumesSizeLimit", "externalClusters", "failoverDelay", "imageCatalogRef", "imageName",
            "imagePullPolicy", "imagePullSecrets", "inheritedMetadata", "instances", "livenessProbeTimeout",
            "logLevel", "managed", "maxSyncReplicas", "minSyncReplicas", "monitoring", "nodeMaintenanceWindow",
            "plugins", "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod", "primaryUpdateStrategy",
            "priorityClassName", "probes", "projectedVolumeTemplate", "replica", "replicationSlots", "resources",
            "schedulerName", "seccompProfile", "serviceAccountTemplate", "smartShutdownTimeout", "startDelay",
            "stopDelay", "storage", "superuserSecret", "switchoverDelay", "tablespaces", "topologySpreadConstraints",
            "walStorage");
    static final Set<String> ROLE = Set.of("name", "comment", "ensure", "login", "superuser", "createdb",
            "createrole", "inherit", "replication", "bypassrls", "connectionLimit", "validUntil", "inRoles",
            "passwordSecret", "disablePassword");
    static final Set<String> DATABASE_SPEC = Set.of("name", "owner", "cluster", "ensure", "databaseReclaimPolicy",
            "template", "tablespace", "encoding", "locale", "localeProvider", "localeCollate", "localeCType",
            "icuLocale", "icuRules", "builtinLocale", "collationVersion", "isTemplate", "allowConnections",
            "connectionLimit", "schemas", "extensions", "fdws", "servers");

    /** A managed role: its name and the basic-auth Secret holding its password. */
    record Role(String name, String passwordSecret) {
    }

    private CloudNativePg() {
    }

    static List<String> problems(GenericKubernetesResource r) {
        List<String> problems = new ArrayList<>();
        String where = r.getKind() + " " + r.getMetadata().getName();
        Map<String, Object> spec = spec(r);
        if (r.getKind().equals("Cluster")) {
            unknown(spec, CLUSTER_SPEC, where + " spec", problems);
            if (!(spec.get("instances") instanceof Integer n) || n < 1) {
                problems.add(where + ": spec.instances must be a positive integer");
            }
            Object size = Repo.map(spec.getOrDefault("storage", Map.of())).get("size");
            if (!(size instanceof String s) || !quantity(s)) {
                problems.add(where + ": spec.storage.size must be a quantity, was " + size);
            }
            for (Object o : roles(spec)) {
                Map<String, Object> role = Repo.map(o);
                unknown(role, ROLE, where + " role " + role.get("name"), problems);
                if (!(role.get("name") instanceof String)) {
                    problems.add(where + ": a managed role without a name");
                }
                if (role.containsKey("ensure") && !Set.of("present", "absent").contains(role.get("ensure"))) {
                    problems.add(where + ": role ensure must be present or absent");
                }
            }
        } else if (r.getKind().equals("Database")) {
            unknown(spec, DATABASE_SPEC, where + " spec", problems);
            for (String required : List.of("name", "owner")) {
                if (!(spec.get(required) instanceof String)) {
                    problems.add(where + ": spec." + required + " is required");
                }
            }
            if (!(Repo.map(spec.getOrDefault("cluster", Map.of())).get("name") instanceof String)) {
                problems.add(where + ": spec.cluster.name is required");
            }
        }
        return problems;
    }

    static List<Role> managedRoles(GenericKubernetesResource cluster) {
        return roles(spec(cluster)).stream().map(Repo::map).map(role -> new Role((String) role.get("name"),
                (String) Optional.ofNullable(role.get("passwordSecret")).map(s -> Repo.map(s).get("name")).orElse(null)))
                .toList();
    }

    static Map<String, Object> spec(GenericKubernetesResource r) {
        Object spec = r.getAdditionalProperties().get("spec");
        return spec == null ? Map.of() : Repo.map(spec);
    }

    private static List<?> roles(Map<String, Object> spec) {
        Object roles = Repo.map(spec.getOrDefault("managed", Map.of())).get("roles");
        return roles instanceof List<?> l ? l : List.of();
    }

    private static void unknown(Map<String, Object> object, Set<String> known, String where, List<String> problems) {
        object.keySet().stream().filter(k -> !known.contains(k))
                .forEach(k -> problems.add(where + ": unknown field " + k));
    }

    private static boolean quantity(String s) {
        try {
            Quantity.getAmountInBytes(new Quantity(s));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
