package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.ActivationProperty;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Each service builds its image with `mvn package -Dquarkus.container-image.build=true` (profile container-image:
 * Quarkus Jib), named as compose and k8s/base run it: dps/&lt;artifactId&gt;:&lt;version&gt;.
 */
class ContainerImageTest {

    /** The user Quarkus Jib gives its default base image; k8s runs the pods as it (runAsNonRoot needs a number). */
    static final long JIB_DEFAULT_USER = 185;

    @Test
    void eachServicePomHasTheContainerImageProfile() {
        SoftAssertions soft = new SoftAssertions();
        for (Services.Service s : Services.ALL) {
            Model pom = Repo.pom(s.module() + "/pom.xml");
            soft.assertThat(pom.getArtifactId()).as("%s artifactId", s.module()).isEqualTo(s.module());
            Profile profile = pom.getProfiles().stream().filter(p -> "container-image".equals(p.getId())).findFirst()
                    .orElse(null);
            soft.assertThat(profile).as("%s: profile container-image", s.module()).isNotNull();
            if (profile == null) {
                continue;
            }
            ActivationProperty property = profile.getActivation() == null ? null : profile.getActivation().getProperty();
            soft.assertThat(property).as("%s activation", s.module()).isNotNull();
            if (property != null) {
                soft.assertThat(property.getName()).as("%s activation", s.module()).isEqualTo("quarkus.container-image.build");
                soft.assertThat(property.getValue()).as("%s activation value", s.module()).isEqualTo("true");
            }
            soft.assertThat(profile.getDependencies().stream().map(d -> d.getGroupId() + ":" + d.getArtifactId()))
                    .as("%s image builder", s.module()).contains("io.quarkus:quarkus-container-image-jib");
            soft.assertThat(profile.getProperties().getProperty("quarkus.container-image.group")).as("%s image group", s.module())
                    .isEqualTo("dps");
            soft.assertThat(pom.getProperties()).as("%s keeps Jib's default user", s.module()).doesNotContainKey("quarkus.jib.user");
            soft.assertThat(profile.getProperties()).as("%s keeps Jib's default user", s.module()).doesNotContainKey("quarkus.jib.user");
        }
        soft.assertAll();
    }

    @Test
    void kubernetesRunsTheImagesMavenBuildsAsTheirUser() {
        Manifests base = Manifests.of("k8s/base");
        assertThat(base.problems).isEmpty();
        String version = Repo.parentPomProperty("project.version");
        SoftAssertions soft = new SoftAssertions();
        for (Services.Service s : Services.ALL) {
            Deployment d = base.get(Deployment.class, s.name());
            soft.assertThat(Workloads.container(d).getImage()).as("%s image", s.name()).isEqualTo("dps/" + s.module() + ":" + version);
            soft.assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).as("%s user", s.name())
                    .isEqualTo(JIB_DEFAULT_USER);
        }
        soft.assertAll();
    }
}
