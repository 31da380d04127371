package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Each service builds its image with `mvn package -Dquarkus.container-image.build=true` (profile container-image:
 * Quarkus Jib), named as compose and k8s/base run it: dps/&lt;artifactId&gt;:&lt;version&gt;.
 */
class ContainerImageTest {

    /** The user Quarkus Jib gives its default base image; k8s runs the pods as it (runAsNonRoot needs a number). */
    static final long JIB_DEFAULT_USER = 185;

    @Test
    void eachServicePomHasTheContainerImageProfile() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Services.Service s : Services.ALL) {
            String pomText = Repo.read(s.module() + "/pom.xml");
            var factory = DocumentBuilderFactory.newInstance();
            Element pom = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(pomText.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            soft.assertThat(text(pom, "artifactId")).as("%s artifactId", s.module()).isEqualTo(s.module());
            Element profile = null;
            for (Element p : children(child(pom, "profiles"), "profile")) {
                if ("container-image".equals(text(p, "id"))) {
                    profile = p;
                }
            }
            soft.assertThat(profile).as("%s: profile container-image", s.module()).isNotNull();
            if (profile == null) {
                continue;
            }
            Element property = child(child(profile, "activation"), "property");
            soft.assertThat(text(property, "name")).as("%s activation", s.module()).isEqualTo("quarkus.container-image.build");
            soft.assertThat(text(property, "value")).as("%s activation value", s.module()).isEqualTo("true");
            soft.assertThat(children(child(profile, "dependencies"), "dependency").stream()
                    .map(d -> text(d, "groupId") + ":" + text(d, "artifactId")))
                    .as("%s image builder", s.module()).contains("io.quarkus:quarkus-container-image-jib");
            soft.assertThat(text(child(profile, "properties"), "quarkus.container-image.group")).as("%s image group", s.module())
                    .isEqualTo("dps");
            soft.assertThat(pomText).as("%s keeps Jib's default user", s.module()).doesNotContain("quarkus.jib.user");
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

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
