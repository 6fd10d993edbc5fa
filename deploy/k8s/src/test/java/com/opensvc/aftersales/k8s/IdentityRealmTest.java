package com.opensvc.aftersales.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The example Keycloak realm (deploy/k8s/identity) against SEC-01 and the services' role claim. */
class IdentityRealmTest {

    @Test
    @DisplayName("SEC-01 issue 17: the example realm has exactly the SEC-01 roles, puts them in the claim the services read, and a technician")
    @SuppressWarnings("unchecked")
    void realmCarriesSec01Roles() throws Exception {
        var root = Manifests.repositoryRoot();
        Map<String, Object> realm = JsonMapper.builder().build().readValue(
                Manifests.moduleDir().resolve("identity/realm-aftersales.json").toFile(), Map.class);
        // SEC-01's roles as deploy/local's demo issuer hands them out, and the claim ResourceServerSecurity reads
        String demoClients = Files.readString(root.resolve(
                "deploy/local/src/main/java/com/opensvc/aftersales/local/issuer/DemoClients.java"));
        Matcher roles = Pattern.compile("ROLES = List\\.of\\(([^)]*)\\)").matcher(demoClients);
        assertThat(roles.find()).isTrue();
        List<String> sec01 = Pattern.compile("\"([A-Z_]+)\"").matcher(roles.group(1)).results().map(m -> m.group(1)).toList();
        assertThat(sec01).hasSize(13);
        Matcher claim = Pattern.compile("ROLES_CLAIM = \"([^\"]+)\"").matcher(Files.readString(root.resolve(
                "platform/web/src/main/java/com/opensvc/aftersales/web/ResourceServerSecurity.java")));
        assertThat(claim.find()).isTrue();

        assertThat(Tree.list(realm, "roles.realm")).extracting(r -> r.get("name")).containsExactlyInAnyOrderElementsOf(sec01);
        List<Map<String, Object>> mappers = Tree.list(realm, "clientScopes").stream()
                .flatMap(scope -> Tree.list(scope, "protocolMappers").stream()).toList();
        assertThat(mappers).anyMatch(m -> m.get("protocolMapper").equals("oidc-usermodel-realm-role-mapper")
                && claim.group(1).equals(Tree.map(m, "config").get("claim.name")));
        assertThat(Tree.list(realm, "users")).anyMatch(u -> ((List<String>) u.get("realmRoles")).contains("TECHNICIAN"));
        // SEC-05: no default password, no administrator in the example
        assertThat(Tree.list(realm, "users")).noneMatch(u -> u.containsKey("credentials")
                || ((List<String>) u.get("realmRoles")).contains("ADMIN"));
    }
}
