package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.opensvc.aftersales.local.AccessMatrix.Operation;
import com.opensvc.aftersales.testkit.EmbeddedPlatform;

/**
 * The access matrix as a proof (SEC-01): every operation of every service, called through the gateway with a token
 * of every SEC-01 role from the local issuer and with five bad tokens, answers exactly as {@code docs/access-matrix.md}
 * says; an operation in the code without a row there (or a row whose roles differ from the code) fails too.
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ExtendWith(RunningPlatform.class)
class AccessMatrixEndToEndTest {
    /** The technician role's demo client: technicians are clients named by their login (DemoClients). */
    private static final String TECHNICIAN_CLIENT = "tech.north";

    private static final String ROLE_REFUSAL = "Your role does not allow this";
    private static PlatformClient client;
    private static List<Operation> operations;
    private static final Map<String, String> roleTokens = new LinkedHashMap<>();
    private static final Map<String, String> badTokens = new LinkedHashMap<>();

    @BeforeAll
    static void readTheCode(PlatformClient platform, PlatformApplications apps) throws Exception {
        client = platform;
        operations = new ArrayList<>();
        for (String service : PlatformApplications.SERVICES) {
            operations.addAll(AccessMatrix.fromCode(service, apps.serviceContext(service)));
        }
        if (Boolean.getBoolean("access-matrix.write")) {
            Files.writeString(AccessMatrix.document(), AccessMatrix.render(operations), StandardCharsets.UTF_8);
        }
        for (String role : AccessMatrix.ROLES) {
            roleTokens.put(role, client.token(role.equals("TECHNICIAN") ? TECHNICIAN_CLIENT
                    : com.opensvc.aftersales.local.issuer.DemoClients.clientIdFor(role)));
        }
        String real = roleTokens.get("ADMIN");
        SignedJWT parsed = SignedJWT.parse(real);
        RSAKey issuerKey = RSAKey.parse(Files.readString(client.issuerDataDir.resolve("signing-key.json")));
        Instant now = Instant.now();
        JWTClaimsSet expired = new JWTClaimsSet.Builder(parsed.getJWTClaimsSet())
                .issueTime(Date.from(now.minus(Duration.ofHours(9))))
                .notBeforeTime(Date.from(now.minus(Duration.ofHours(9))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1)))).build();
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder(parsed.getJWTClaimsSet())
                .issuer("https://issuer.elsewhere.example").build();
        String[] parts = real.split("\\.");
        String signature = parts[2];
        String tampered = parts[0] + "." + parts[1] + "."
                + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        badTokens.put("no token", null);
        badTokens.put("expired", sign(expired, issuerKey));
        badTokens.put("other issuer", sign(otherIssuer, otherKey));
        badTokens.put("tampered signature", tampered);
        badTokens.put("alg none", none);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    @DisplayName("SEC-01 docs/access-matrix.md has one row per operation in the code, with the roles the code allows")
    void SEC01_theDocumentIsTheCode() throws Exception {
        Map<String, List<String>> documented = AccessMatrix.parse(AccessMatrix.read(AccessMatrix.document()));
        List<String> differences = new ArrayList<>();
        Set<String> inCode = new TreeSet<>();
        for (Operation op : operations) {
            inCode.add(op.key());
            List<String> row = documented.get(op.key());
            if (row == null) {
                differences.add("no row for " + op.key() + " (new endpoints need a row: regenerate and review)");
            } else if (!row.equals(op.cells())) {
                differences.add(op.key() + ": the document says " + row + ", the code " + op.cells());
            }
        }
        documented.keySet().stream().filter(key -> !inCode.contains(key))
                .forEach(key -> differences.add("a row for an operation not in the code: " + key));
        assertThat(differences).as("access matrix vs code").isEmpty();
        assertThat(operations).as("every operation is under its service's gateway route").allSatisfy(op ->
                assertThat(op.path()).startsWith("/api/" + op.service() + "/"));
    }

    @Test
    @DisplayName("SEC-01 every operation through the gateway answers every role and every bad token as the matrix says")
    void SEC01_everyCellThroughTheGateway() throws Exception {
        Map<String, List<String>> documented = AccessMatrix.parse(AccessMatrix.read(AccessMatrix.document()));
        List<String> columns = new ArrayList<>(AccessMatrix.ROLES);
        columns.addAll(AccessMatrix.BAD_TOKENS);
        Map<String, String> tokens = new LinkedHashMap<>(roleTokens);
        tokens.putAll(badTokens);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (Operation op : operations) {
                List<String> row = documented.get(op.key());
                if (row == null) {
                    wrong.add("no row for " + op.key());
                    continue;
                }
                String path = op.concretePath();
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    String expected = row.get(i);
                    String token = tokens.get(column);
                    done.add(pool.submit(() -> {
                        HttpResponse<String> response = call(http, op, path, token);
                        int status = response.statusCode();
                        calls.incrementAndGet();
                        // an allowed technician may be refused by an own-only check (SEC-02) on a placeholder id:
                        // that 403 names no role, the role check's does
                        boolean roleRefusal = status == 403 && response.body().contains(ROLE_REFUSAL);
                        boolean right = switch (expected) {
                            case AccessMatrix.ALLOWED -> status != 401 && !roleRefusal
                                    && (status != 403 || column.equals("TECHNICIAN"));
                            case AccessMatrix.REFUSED -> status == 403;
                            case AccessMatrix.UNAUTHENTICATED -> status == 401;
                            default -> false;
                        };
                        if (!right) {
                            wrong.add(op.key() + " as " + column + ": expected " + expected + ", got " + status);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        System.out.printf("Access matrix: %d operations, %d calls through the gateway in %d s%n", operations.size(),
                calls.get(), (System.nanoTime() - started) / 1_000_000_000);
        assertThat(new TreeSet<>(wrong)).as("answers that differ from docs/access-matrix.md").isEmpty();
    }

    private static HttpResponse<String> call(HttpClient http, Operation op, String path, String token)
            throws Exception {
        String method = op.method();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + client.gatewayPort() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
        String payload = "{}";
        if (body && op.multipart()) {
            // a file upload: a well-formed multipart body with one empty field, as a browser would send
            request.header("Content-Type", "multipart/form-data; boundary=matrix");
            payload = "--matrix\r\nContent-Disposition: form-data; name=\"placeholder\"\r\n\r\n\r\n--matrix--\r\n";
        } else if (body) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body ? HttpRequest.BodyPublishers.ofString(payload) : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
