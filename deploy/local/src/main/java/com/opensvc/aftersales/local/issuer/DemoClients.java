package com.opensvc.aftersales.local.issuer;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One demo client per SEC-01 role (client id = role in kebab case, e.g. {@code front-desk}), plus one per demo
 * technician (client id = technician login, so SEC-02's "assigned to me" works) and a second revisit agent (so two
 * agents can claim the same call, RPT-03). Secrets are generated on the
 * first start and kept in {@code <data>/issuer/clients.properties}: none is committed, none is a default.
 */
public final class DemoClients {
    public static final List<String> ROLES = List.of("FRONT_DESK", "CUSTOMER_MANAGER", "SUPERVISOR", "TECHNICIAN",
            "STOREKEEPER", "QUALITY", "REVISIT_AGENT", "MANAGER", "SERVICE_DIRECTOR", "TECHNICAL_DIRECTOR",
            "GENERAL_MANAGER", "FINANCE", "ADMIN");
    public static final List<String> TECHNICIANS = List.of("tech.north", "tech.north2", "tech.south");
    public static final List<String> MORE_REVISIT_AGENTS = List.of("agent.li");

    private DemoClients() {
    }

    public record Client(String id, String secret, String role) {
    }

    public static String clientIdFor(String role) {
        return role.toLowerCase().replace('_', '-');
    }

    /** Loads the clients' secrets, generating (and saving) any that are missing. */
    public static Map<String, Client> loadOrCreate(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                secrets.load(in);
            }
        }
        Map<String, Client> clients = new LinkedHashMap<>();
        for (String role : ROLES) {
            if (!role.equals("TECHNICIAN")) {
                add(clients, secrets, clientIdFor(role), role);
            }
        }
        for (String technician : TECHNICIANS) {
            add(clients, secrets, technician, "TECHNICIAN");
        }
        for (String agent : MORE_REVISIT_AGENTS) {
            add(clients, secrets, agent, "REVISIT_AGENT");
        }
        StringWriter text = new StringWriter();
        secrets.store(text, "Demo client secrets of the local issuer (generated; never commit)");
        OwnerOnlyFiles.write(file, text.toString());
        return clients;
    }

    private static void add(Map<String, Client> clients, Properties secrets, String id, String role) {
        String secret = secrets.getProperty(id);
        if (secret == null) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            secrets.setProperty(id, secret);
        }
        clients.put(id, new Client(id, secret, role));
    }
}
