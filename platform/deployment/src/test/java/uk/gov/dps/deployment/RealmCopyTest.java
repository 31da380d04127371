package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * k8s/base generates Keycloak's realm ConfigMap from a copy of the realm `./dps up` imports, so that plain
 * `kubectl apply -k` works (kustomize does not read files outside the kustomization without
 * --load-restrictor LoadRestrictionsNone). The copy must stay identical.
 */
class RealmCopyTest {

    @Test
    void theKubernetesRealmIsACopyOfTheDevstackRealm() {
        assertThat(Repo.read(Realm.K8S_COPY))
                .as("%s differs from %s; refresh it with: cp %s %s", Realm.K8S_COPY, Realm.SOURCE, Realm.SOURCE, Realm.K8S_COPY)
                .isEqualTo(Realm.text());
        assertThat(Realm.name()).isEqualTo("dps");
    }
}
