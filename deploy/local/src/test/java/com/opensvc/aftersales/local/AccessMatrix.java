package com.opensvc.aftersales.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.opensvc.aftersales.local.issuer.DemoClients;

/**
 * The access matrix (SEC-01): every operation of every service × every SEC-01 role, read from the running services'
 * {@link RequestMappingHandlerMapping}s and each handler's {@code @PreAuthorize}, and rendered as (or parsed from)
 * {@code docs/access-matrix.md}, the reviewed truth. {@link AccessMatrixEndToEndTest} rewrites the file when run with
 * {@code -Daccess-matrix.write=true}.
 */
final class AccessMatrix {
    static final List<String> ROLES = DemoClients.ROLES;
    static final List<String> BAD_TOKENS = List.of("no token", "expired", "other issuer", "tampered signature",
            "alg none");
    static final String ALLOWED = "✓";
    static final String REFUSED = "403";
    static final String UNAUTHENTICATED = "401";

    private static final Pattern ROLE_CALL = Pattern.compile("hasRole\\(\\s*'([A-Z_]+)'\\s*\\)|hasAnyRole\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::([^}]*))?}");
    private static final Pattern LITERAL_CHOICES = Pattern.compile("[\\w-]+(\\|[\\w-]+)*");

    /** One operation: method + path pattern of a service, the roles its {@code @PreAuthorize} allows. */
    record Operation(String service, String method, String path, Set<String> allowed, HandlerMethod handler,
                     boolean multipart) {
        String key() {
            return service + " " + method + " " + path;
        }

        List<String> cells() {
            List<String> cells = new ArrayList<>();
            ROLES.forEach(role -> cells.add(allowed.contains(role) ? ALLOWED : REFUSED));
            BAD_TOKENS.forEach(bad -> cells.add(UNAUTHENTICATED));
            return cells;
        }

        /** The path with a placeholder of the right type for every path variable. */
        String concretePath() {
            Matcher matcher = VARIABLE.matcher(path);
            StringBuilder concrete = new StringBuilder();
            while (matcher.find()) {
                String regex = matcher.group(2);
                String value = regex != null && LITERAL_CHOICES.matcher(regex).matches() ? regex.split("\\|")[0]
                        : placeholder(matcher.group(1));   // {format:csv|xlsx} → csv
                matcher.appendReplacement(concrete, Matcher.quoteReplacement(value));
            }
            return matcher.appendTail(concrete).toString();
        }

        private String placeholder(String variable) {
            for (MethodParameter parameter : handler == null ? new MethodParameter[0] : handler.getMethodParameters()) {
                PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
                if (annotation == null) {
                    continue;
                }
                String name = !annotation.value().isEmpty() ? annotation.value()
                        : !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
                if (variable.equals(name)) {
                    Class<?> type = parameter.getParameterType();
                    if (type == UUID.class) {
                        return new UUID(0, 0).toString();
                    } else if (type == YearMonth.class) {
                        return "2026-01";
                    } else if (type == LocalDate.class) {
                        return "2026-01-01";
                    } else if (type == int.class || type == long.class || Number.class.isAssignableFrom(type)) {
                        return "1";
                    } else if (type.isEnum()) {
                        return ((Enum<?>) type.getEnumConstants()[0]).name();
                    }
                    return "X1";
                }
            }
            return new UUID(0, 0).toString();
        }
    }

    private static final String PLATFORM_CONTROLLERS = "com.opensvc.aftersales.messaging.";

    private AccessMatrix() {
    }

    /**
     * Every operation of the service's own controllers and of the platform's controllers it runs (the dead-letter
     * desk), by path; not the error controller, not springdoc's.
     */
    static List<Operation> fromCode(String service, ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        String ownPackage = "com.opensvc.aftersales." + service + ".";
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            String beanType = handler.getBeanType().getName();
            if (!beanType.startsWith(ownPackage) && !beanType.startsWith(PLATFORM_CONTROLLERS)) {
                continue;
            }
            Set<String> allowed = allowedRoles(handler);
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            boolean multipart = entry.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(type -> type.isCompatibleWith(org.springframework.http.MediaType.MULTIPART_FORM_DATA))
                    && entry.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
                    .noneMatch(type -> type.isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON));
            for (String path : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    operations.add(new Operation(service, method.name(), path, allowed, handler, multipart));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    /** The roles named by the handler's (or its class's) {@code @PreAuthorize}; every role for isAuthenticated(). */
    static Set<String> allowedRoles(HandlerMethod handler) {
        PreAuthorize annotation = handler.getMethodAnnotation(PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (annotation == null) {
            throw new IllegalStateException("SEC-01 " + handler + " names no roles (@PreAuthorize)");
        }
        String expression = annotation.value().trim();
        if (expression.equals("isAuthenticated()")) {
            return new LinkedHashSet<>(ROLES);
        }
        Set<String> roles = new LinkedHashSet<>();
        Matcher call = ROLE_CALL.matcher(expression);
        while (call.find()) {
            if (call.group(1) != null) {
                roles.add(call.group(1));
            } else {
                Matcher quoted = QUOTED.matcher(call.group(2));
                while (quoted.find()) {
                    roles.add(quoted.group(1));
                }
            }
        }
        String rest = ROLE_CALL.matcher(expression).replaceAll("").replace(" or ", "").replaceAll("[\\s()]", "");
        if (!rest.isEmpty() || roles.isEmpty()) {
            throw new IllegalStateException("the access matrix reads hasRole/hasAnyRole/isAuthenticated() only: "
                    + handler + " has @PreAuthorize(\"" + expression + "\")");
        }
        Set<String> unknown = new LinkedHashSet<>(roles);
        unknown.removeAll(ROLES);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("SEC-01 " + handler + " names roles that do not exist: " + unknown);
        }
        return roles;
    }

    /** The document: one table per service, one row per operation. */
    static String render(List<Operation> operations) {
        StringBuilder doc = new StringBuilder("""
                # Access matrix (SEC-01, SEC-02)

                Every operation of every service, as the gateway serves it, × every SEC-01 role, with the answer the
                platform gives: **✓** the role is allowed (any answer but 401 or 403 — a placeholder id may well be a 404
                and a placeholder body a 400), **403** the role is refused before the body is read, **401** the request
                has no valid token (none, expired, signed by another issuer, a tampered signature, `alg: none`).

                Generated from the services' request mappings and `@PreAuthorize` by `AccessMatrix` and checked by
                `AccessMatrixEndToEndTest` (deploy/local), which calls every cell through the gateway and fails on any
                difference — and on an operation in the code without a row here. After a reviewed change of an
                endpoint or its roles, regenerate this file and review the diff:

                ```
                ./mvnw -pl deploy/local -am verify -Dit.test=AccessMatrixEndToEndTest -Dtest=NoSuchTest \\
                    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Daccess-matrix.write=true
                ```

                SEC-02: a technician allowed by role reaches only the work orders assigned to them (and the parts
                requisitions of those orders); a technician's call on another technician's order is refused (403) or
                answers as if it did not exist (404). Technicians are refused everywhere in revisit.

                """);
        Map<String, List<Operation>> byService = new LinkedHashMap<>();
        operations.forEach(op -> byService.computeIfAbsent(op.service(), s -> new ArrayList<>()).add(op));
        String header = "| Method | Path | " + String.join(" | ", ROLES) + " | " + String.join(" | ", BAD_TOKENS) + " |";
        String rule = "|---|---|" + "---|".repeat(ROLES.size() + BAD_TOKENS.size());
        byService.forEach((service, ops) -> {
            doc.append("## ").append(service).append(" (").append(ops.size()).append(" operations)\n\n");
            doc.append(header).append('\n').append(rule).append('\n');
            for (Operation op : ops) {
                doc.append("| ").append(op.method()).append(" | `").append(op.path().replace("|", "\\|")).append("` | ")
                        .append(String.join(" | ", op.cells())).append(" |\n");
            }
            doc.append('\n');
        });
        return doc.toString();
    }

    /** The document's rows: "service METHOD path" → the cells, in the columns' order. */
    static Map<String, List<String>> parse(String document) {
        Map<String, List<String>> rows = new TreeMap<>();
        String service = null;
        for (String line : document.split("\n")) {
            if (line.startsWith("## ")) {
                service = line.substring(3).split(" ")[0];
            } else if (service != null && line.startsWith("| ") && !line.startsWith("| Method")) {
                String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|");
                List<String> values = new ArrayList<>();
                for (String cell : cells) {
                    values.add(cell.trim());
                }
                String path = values.get(1).replace("`", "").replace("\\|", "|");
                rows.put(service + " " + values.get(0) + " " + path, List.copyOf(values.subList(2, values.size())));
            }
        }
        return rows;
    }

    static Path document() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("docs/access-matrix.md");
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
