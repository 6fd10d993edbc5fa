package com.opensvc.aftersales.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * The KafkaTopics and KafkaUsers against what each service's configuration and code publish and consume (issue 17,
 * EVT-05's {@code .DLT}, issue 16's dead-letter replay): read from {@link ServiceSources}, never from a second list.
 */
class TopicsAndAclsTest {
    private static final String DLT = ".DLT";

    @Test
    @DisplayName("issue 17: each service's configured topics are the ones its code routes outbox rows to and its listeners read")
    void configurationMatchesCode() {
        for (String service : ServiceSources.SERVICES) {
            ServiceSources sources = ServiceSources.of(service);
            assertThat(sources.routedTopics()).as(service + " outbox topics (AGGREGATE_TYPE via Debezium's EventRouter)")
                    .containsExactlyInAnyOrderElementsOf(sources.ownedTopics());
            Set<String> read = sources.consumerGroups().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            assertThat(read).as(service + " topics its listeners read").containsExactlyInAnyOrderElementsOf(sources.consumedTopics());
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17 EVT-05: a KafkaTopic for every topic a service owns or consumes and for its .DLT, partner and topic with the same partitions")
    void everyTopicAndItsDeadLetters(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        Set<String> expected = new TreeSet<>();
        for (String service : ServiceSources.SERVICES) {
            ServiceSources sources = ServiceSources.of(service);
            Stream.concat(sources.ownedTopics().stream(), sources.consumedTopics().stream())
                    .forEach(topic -> expected.addAll(List.of(topic, topic + DLT)));
        }
        Map<String, KafkaTopic> topics = rendered.ofKind("KafkaTopic").stream().map(t -> (KafkaTopic) TypedModels.parse(t))
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        String cluster = Tree.text(rendered.ofKind("Kafka").getFirst(), "metadata.name");
        topics.forEach((name, topic) -> {
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", cluster);
            if (name.endsWith(DLT)) {
                // the dead-letter publisher keeps the record's partition (MessagingAutoConfiguration)
                assertThat(topic.getSpec().getPartitions()).as(name)
                        .isEqualTo(topics.get(name.substring(0, name.length() - DLT.length())).getSpec().getPartitions());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17: each service's KafkaUser may read and write only its subscriptions and their .DLT, in its own consumer groups; Kafka Connect alone writes the outbox topics")
    void aclsMatchWhatTheCodeDoes(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        Set<String> ownedByAll = new HashSet<>();
        for (String service : ServiceSources.SERVICES) {
            ServiceSources sources = ServiceSources.of(service);
            ownedByAll.addAll(sources.ownedTopics());
            KafkaUser user = (KafkaUser) TypedModels.parse(rendered.get("KafkaUser", service));
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();

            Set<String> expected = new TreeSet<>();
            for (String topic : sources.consumedTopics()) {
                // read (listeners), write (a replayed dead letter goes back to its topic, issue 16), describe
                expected.add(grant(topic, "Read"));
                expected.add(grant(topic, "Write"));
                expected.add(grant(topic, "Describe"));
                // the .DLT: written by the error handler (EVT-05), read by the dead-letter desk
                expected.add(grant(topic + DLT, "Read"));
                expected.add(grant(topic + DLT, "Write"));
                expected.add(grant(topic + DLT, "Describe"));
            }
            Set<String> topicGrants = acls.stream().filter(a -> a.getResource() instanceof AclRuleTopicResource)
                    .flatMap(a -> a.getOperations().stream().map(op -> {
                        AclRuleTopicResource resource = (AclRuleTopicResource) a.getResource();
                        assertThat(resource.getPatternType()).as(service + " " + resource.getName()).isEqualTo(AclResourcePatternType.LITERAL);
                        return grant(resource.getName(), op.toValue());
                    })).collect(Collectors.toCollection(TreeSet::new));
            assertThat(topicGrants).as(service + " topic ACLs").containsExactlyInAnyOrderElementsOf(expected);

            List<AclRuleGroupResource> groups = acls.stream().map(AclRule::getResource)
                    .filter(AclRuleGroupResource.class::isInstance).map(AclRuleGroupResource.class::cast).toList();
            assertThat(groups).as(service + " group ACL").singleElement().satisfies(group -> {
                assertThat(group.getPatternType()).isEqualTo(AclResourcePatternType.PREFIX);
                assertThat(group.getName()).isEqualTo(service + "-");
                assertThat(sources.consumerGroups().keySet()).as(service + " consumer groups in its code")
                        .isNotEmpty().allMatch(g -> g.startsWith(group.getName()));
                for (String other : ServiceSources.SERVICES) {
                    if (!other.equals(service)) {
                        assertThat(ServiceSources.of(other).consumerGroups().keySet()).as(other + "'s groups outside " + service + "'s prefix")
                                .noneMatch(g -> g.startsWith(group.getName()));
                    }
                }
            });
            assertThat(acls).as(service).filteredOn(a -> a.getResource() instanceof AclRuleGroupResource)
                    .allMatch(a -> a.getOperations().equals(List.of(AclOperation.READ)));
            assertThat(acls).as(service + ": topic and group ACLs only").allMatch(a -> a.getResource() instanceof AclRuleTopicResource
                    || a.getResource() instanceof AclRuleGroupResource);

            // the pod signs in as this KafkaUser: its SASL config comes from the user's Secret
            Deployment deployment = (Deployment) TypedModels.parse(rendered.get("Deployment", service));
            EnvVar jaas = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                    .filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user.getMetadata().getName());
            assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
        }

        KafkaUser connect = (KafkaUser) TypedModels.parse(rendered.get("KafkaUser", "aftersales-connect"));
        Set<String> connectWrites = ((KafkaUserAuthorizationSimple) connect.getSpec().getAuthorization()).getAcls().stream()
                .filter(a -> a.getResource() instanceof AclRuleTopicResource topic && topic.getPatternType() == AclResourcePatternType.LITERAL)
                .filter(a -> a.getOperations().contains(AclOperation.WRITE))
                .map(a -> ((AclRuleTopicResource) a.getResource()).getName()).collect(Collectors.toSet());
        assertThat(connectWrites).as("Kafka Connect writes the outbox topics").containsExactlyInAnyOrderElementsOf(ownedByAll);
        for (String service : ServiceSources.SERVICES) {
            assertThat(rendered.ofKind("KafkaUser")).as("only Kafka Connect writes " + ServiceSources.of(service).ownedTopics())
                    .filteredOn(u -> !Tree.text(u, "metadata.name").equals("aftersales-connect"))
                    .noneMatch(u -> Tree.list(u, "spec.authorization.acls").stream()
                            .anyMatch(a -> ServiceSources.of(service).ownedTopics().contains(Tree.text(a, "resource.name"))
                                    && String.valueOf(Tree.at(a, "operations")).contains("Write")
                                    && !ServiceSources.of(Tree.text(u, "metadata.name")).consumedTopics().contains(Tree.text(a, "resource.name"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17: each service's database is a CloudNativePG Cluster with wal_level=logical, its own database and owner as its JDBC URL says, and a replication role for Debezium")
    void databases(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        for (String service : ServiceSources.SERVICES) {
            Map<String, Object> cluster = rendered.get("Cluster", service + "-db");
            assertThat(Tree.text(cluster, "spec.postgresql.parameters.wal_level")).as(service).isEqualTo("logical");
            Deployment deployment = (Deployment) TypedModels.parse(rendered.get("Deployment", service));
            Map<String, Object> config = DeploymentInvariantsTest.appConfig(rendered, deployment);
            assertThat(Tree.text(config, "spring.datasource.url")).as(service)
                    .isEqualTo("jdbc:postgresql://" + service + "-db-rw:5432/" + Tree.text(cluster, "spec.bootstrap.initdb.database"));
            assertThat(Tree.text(config, "spring.datasource.username")).isEqualTo(Tree.text(cluster, "spec.bootstrap.initdb.owner"));
            assertThat(Tree.list(cluster, "spec.managed.roles")).as(service + " Debezium's role")
                    .anyMatch(r -> Boolean.TRUE.equals(r.get("replication")) && Boolean.TRUE.equals(r.get("login")));
            // the password the service's yml reads (${<SERVICE>_DB_PASSWORD:}) from the owner's Secret
            String variable = service.toUpperCase() + "_DB_PASSWORD";
            assertThat(Tree.text(ServiceSources.of(service).configuration(), "spring.datasource.password")).contains(variable);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                    .anyMatch(e -> e.getName().equals(variable) && e.getValueFrom().getSecretKeyRef().getName()
                            .equals(Tree.text(cluster, "spec.bootstrap.initdb.secret.name")));
        }
    }

    private static String grant(String topic, String operation) {
        return topic + " " + operation;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17: Kafka Connect signs in as its KafkaUser, whose ACLs cover its group and internal topics, and each connector reads the Secret of its database's Debezium role")
    void connectMatchesTheClusterItRunsIn(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        Map<String, Object> connect = rendered.ofKind("KafkaConnect").getFirst();
        String userName = Tree.text(connect, "spec.authentication.username");
        Map<String, Object> user = rendered.get("KafkaUser", userName);
        assertThat(Tree.text(connect, "spec.authentication.type")).isEqualTo(Tree.text(user, "spec.authentication.type"));
        assertThat(Tree.text(connect, "spec.authentication.passwordSecret.secretName")).isEqualTo(userName);
        List<Map<String, Object>> acls = Tree.list(user, "spec.authorization.acls");
        Map<String, Object> config = Tree.map(connect, "spec");
        @SuppressWarnings("unchecked")
        Map<String, Object> workerConfig = (Map<String, Object>) config.get("config");
        assertThat(acls).as("the worker's group").anyMatch(a -> "group".equals(Tree.text(a, "resource.type"))
                && covers(a, String.valueOf(workerConfig.get("group.id"))));
        for (String topic : List.of("offset.storage.topic", "config.storage.topic", "status.storage.topic")) {
            String name = String.valueOf(workerConfig.get(topic));
            assertThat(acls).as(topic + " " + name).anyMatch(a -> "topic".equals(Tree.text(a, "resource.type"))
                    && covers(a, name) && String.valueOf(Tree.at(a, "operations")).contains("Write")
                    && String.valueOf(Tree.at(a, "operations")).contains("Read"));
        }
        for (String service : ServiceSources.SERVICES) {
            Map<String, Object> connector = rendered.get("KafkaConnector", service + "-outbox");
            @SuppressWarnings("unchecked")
            Map<String, Object> connectorConfig = (Map<String, Object>) Tree.map(connector, "spec").get("config");
            String password = String.valueOf(connectorConfig.get("database.password"));
            List<String> roleSecrets = Tree.list(rendered.get("Cluster", service + "-db"), "spec.managed.roles").stream()
                    .map(role -> Tree.text(role, "passwordSecret.name")).toList();
            assertThat(roleSecrets).as(service + ": the connector's " + password + " is a managed role's Secret")
                    .anyMatch(secret -> password.equals("${secrets:" + secret + ":password}"));
            assertThat(String.valueOf(connectorConfig.get("database.hostname"))).isEqualTo(service + "-db-rw");
        }
    }

    private static boolean covers(Map<String, Object> acl, String name) {
        String resource = Tree.text(acl, "resource.name");
        return "prefix".equals(Tree.text(acl, "resource.patternType")) ? name.startsWith(resource) : name.equals(resource);
    }
}
