package com.opensvc.aftersales.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Every service's OpenAPI document, written once (issue 16): the bearer JWT scheme and a security requirement on
 * every operation; each operation's roles from its {@code @PreAuthorize} in its description and in {@code x-roles};
 * a summary and an {@code operationId} for every operation; the RFC 9457 problem reports it can answer, all with one
 * {@code Problem} schema; info, licence and server. A summary or description a controller declares itself is kept.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiDocumentation {
    /** The name of the security scheme every operation requires. */
    public static final String BEARER = "bearer";
    /** The extension listing an operation's SEC-01 roles (empty: any authenticated caller). */
    public static final String X_ROLES = "x-roles";
    /** {@code x-roles} of an operation open to every authenticated caller ({@code isAuthenticated()}). */
    public static final String ANY_AUTHENTICATED = "*";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Pattern ROLE_CALL = Pattern.compile("has(?:Any)?Role\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    /** The problem responses, by status: component name and description. */
    private static final Map<String, String[]> PROBLEMS = new TreeMap<>(Map.of(
            "400", new String[] {"BadRequest", "Invalid request: the problem's `errors` name each bad field"},
            "401", new String[] {"Unauthorized", "No valid bearer token (missing, expired, wrong issuer or signature)"},
            "403", new String[] {"Forbidden", "The caller's role does not allow this (SEC-01), or it is not theirs (SEC-02)"},
            "404", new String[] {"NotFound", "No such resource"},
            "409", new String[] {"Conflict", "Not allowed in the resource's current state; `currentState` names it"},
            "412", new String[] {"PreconditionFailed", "`If-Match` names an older version; `currentVersion` is the one to send"},
            "415", new String[] {"UnsupportedMediaType", "The body's `Content-Type` is not accepted; `errors` names it"},
            "428", new String[] {"PreconditionRequired", "This edit needs `If-Match` with the resource's `ETag`"},
            "500", new String[] {"InternalError", "Unexpected error; `correlationId` finds it in the service log"},
            "503", new String[] {"Unavailable", "The service is busy or unreachable; try again later"}));

    @Bean
    GlobalOperationCustomizer operationRolesAndSummary() {
        return OpenApiDocumentation::describe;
    }

    @Bean
    GlobalOpenApiCustomizer documentSecurityAndProblems(OpenApiProperties properties,
                                                       @Value("${spring.application.name:service}") String application) {
        return openApi -> document(openApi, properties, application);
    }

    /** Roles, summary and operation id of one operation, from its handler method. */
    static Operation describe(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        PreAuthorize preAuthorize = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (preAuthorize == null) {
            preAuthorize = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        List<String> roles = preAuthorize == null ? List.of() : roles(preAuthorize.value());
        operation.addExtension(X_ROLES, roles.isEmpty() ? List.of(ANY_AUTHENTICATED) : roles);
        String access = roles.isEmpty() ? "Any authenticated caller."
                : "Roles (SEC-01): " + String.join(", ", roles) + ".";
        operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank() ? access
                : operation.getDescription() + "\n\n" + access);
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(summary(method.getName(), handler.getBeanType().getSimpleName()));
        }
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            operation.setOperationId(method.getName());
        }
        return operation;
    }

    /** The roles a {@code @PreAuthorize} expression names in {@code hasRole}/{@code hasAnyRole}, in order. */
    static List<String> roles(String expression) {
        Set<String> roles = new LinkedHashSet<>();
        Matcher call = ROLE_CALL.matcher(expression);
        while (call.find()) {
            Matcher quoted = QUOTED.matcher(call.group(1));
            while (quoted.find()) {
                roles.add(quoted.group(1).startsWith("ROLE_") ? quoted.group(1).substring(5) : quoted.group(1));
            }
        }
        return List.copyOf(roles);
    }

    /** {@code registerTicket} → "Register ticket"; a one-word name gets its controller's noun: "List tickets". */
    static String summary(String methodName, String controllerName) {
        List<String> words = words(methodName);
        if (words.size() == 1) {
            String noun = String.join(" ", words(controllerName.replaceFirst("Controller$", "")));
            if (!noun.isBlank()) {
                boolean many = Set.of("list", "search", "find", "export", "import").contains(words.getFirst());
                words.add(many && !noun.endsWith("s") ? noun + "s" : noun);
            }
        }
        String text = String.join(" ", words);
        return text.isEmpty() ? methodName : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> words(String camelCase) {
        List<String> words = new ArrayList<>();
        for (String word : camelCase.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_")) {
            if (!word.isBlank()) {
                words.add(word.equals(word.toUpperCase(Locale.ROOT)) && word.length() > 1 ? word
                        : word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The document as a whole: info, server, security scheme, problem schema and responses, tags. */
    static void document(OpenAPI openApi, OpenApiProperties properties, String application) {
        String service = application.replaceFirst("-service$", "");
        String title = properties.title().isBlank() ? service + " API" : properties.title();
        openApi.info(new Info().title(title).version(properties.version())
                .description("The " + service + " service of the after-sales platform. Every call needs a bearer "
                        + "JWT from the platform's issuer whose `roles` claim names the caller's SEC-01 roles; each "
                        + "operation lists the roles it allows (`x-roles`). Errors are RFC 9457 problem reports "
                        + "(`application/problem+json`) naming each bad field.")
                .license(new License().name(properties.licenseName()).url(properties.licenseUrl())));
        openApi.servers(List.of(new Server().url(properties.serverUrl())
                .description("this service, or the gateway (same paths)")));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT from the platform's issuer; its `roles` claim carries the "
                        + "SEC-01 roles (`TECHNICIAN`, `FRONT_DESK`, …)."));
        components.addSchemas("FieldError", new ObjectSchema().description("One bad field of a request")
                .addProperty("field", new StringSchema().description("the field's path (`contacts[0].phone`), "
                        + "parameter or header name").example("contacts[0].phone"))
                .addProperty("message", new StringSchema().description("what it must be, in plain words")
                        .example("must be a valid phone number"))
                .required(List.of("field", "message")));
        components.addSchemas("Problem", problemSchema());
        PROBLEMS.forEach((status, named) -> {
            ApiResponse response = new ApiResponse().description(named[1]).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            if (status.equals("401")) {
                response.addHeaderObject("WWW-Authenticate", new Header().description("`Bearer`")
                        .schema(new StringSchema()));
            }
            components.addResponses(named[0], response);
        });
        SecurityRequirement bearer = new SecurityRequirement().addList(BEARER);
        openApi.security(List.of(bearer));
        Set<String> tags = new LinkedHashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setSecurity(List.of(bearer));
                problemResponses(path, method, operation);
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
            }));
        }
        Set<String> described = new LinkedHashSet<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> described.add(tag.getName()));
        }
        tags.stream().filter(tag -> !described.contains(tag)).forEach(tag -> openApi.addTagsItem(new Tag().name(tag)
                .description("Operations of " + tag.replace('-', ' '))));
        if (components.getSchemas() != null && !openApi.toString().contains("#/components/schemas/ProblemDetail")) {
            components.getSchemas().remove("ProblemDetail");
        }
    }

    /**
     * The problem responses one operation can give: 400 where it has input, 401 and 403 always, 404 on a path with
     * an id, 409 for a state change, 412/428 where it takes {@code If-Match}, 415 where it reads a body, 500 and 503.
     * Error responses springdoc derived from the exception handlers are replaced by these.
     */
    static void problemResponses(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.keySet().removeIf(code -> code.length() == 3 && (code.startsWith("4") || code.startsWith("5")));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean ifMatch = parameters.stream().anyMatch(p -> "header".equals(p.getIn())
                && "If-Match".equalsIgnoreCase(p.getName()));
        List<String> codes = new ArrayList<>();
        if (body || !parameters.isEmpty()) {
            codes.add("400");
        }
        codes.addAll(List.of("401", "403"));
        if (path.contains("{")) {
            codes.add("404");
        }
        if (change) {
            codes.add("409");
        }
        if (ifMatch) {
            codes.addAll(List.of("412", "428"));
        }
        if (body) {
            codes.add("415");
        }
        codes.addAll(List.of("500", "503"));
        codes.forEach(code -> responses.addApiResponse(code,
                new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(code)[0])));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("An RFC 9457 problem report")
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank")
                        .description("the problem's type; `about:blank` unless a more specific one applies"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has 1 invalid field(s)"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("each bad field (400, 415)"))
                .addProperty("currentState", new StringSchema().description("the resource's state (409)"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("the resource's version (412)"))
                .addProperty("correlationId", new UUIDSchema().description("finds a 500 in the service log"))
                .required(List.of("type", "title", "status"));
    }
}
