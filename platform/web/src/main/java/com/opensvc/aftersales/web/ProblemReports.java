package com.opensvc.aftersales.web;

import java.net.URI;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** RFC 9457 problem reports: every invalid field named, never a stack trace, never a 500 for bad input. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemReports extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemReports.class);
    private static final int LOGGED_FRAMES = 8;
    private static final URI INVALID_FIELDS = URI.create("https://opensvc.com/aftersales/problems/invalid-fields");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(Map.of("field", e.getField(),
                "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(Map.of("field", e.getObjectName(),
                "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalidFields(errors));
    }

    /** Method validation: a constrained header or parameter, or a @Valid body next to one. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(e -> errors.add(Map.of("field", e.getField(),
                        "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(e -> errors.add(Map.of("field", name,
                        "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())));
            }
        }
        return ResponseEntity.badRequest().body(invalidFields(errors));
    }

    /**
     * Method validation of a {@code @Validated} controller (an AOP proxy, so Spring MVC's own method validation above
     * does not run): each constrained header or parameter named as the request names it, as above.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(ConstraintViolationException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getConstraintViolations().stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(Map.of("field", fieldOf(v), "message", v.getMessage())));
        return ResponseEntity.badRequest().body(invalidFields(errors));
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.as(Path.ParameterNode.class);
            }
        }
        if (method == null || parameter == null) {
            return violation.getPropertyPath().toString();
        }
        try {
            MethodParameter handlerParameter = new MethodParameter(violation.getRootBeanClass()
                    .getMethod(method.getName(), method.getParameterTypes().toArray(Class<?>[]::new)),
                    parameter.getParameterIndex());
            handlerParameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            return parameterName(handlerParameter);
        } catch (NoSuchMethodException e) {
            return parameter.getName();
        }
    }

    private static String parameterName(MethodParameter parameter) {
        return RequestParameterCheck.YearCheckedResolver.name(parameter);
    }

    /**
     * A body Jackson could not read, or that {@link RequestJson}'s rules refuse: the field by its path
     * ({@code contacts[0].phone}) and what it must be in plain words — never a Java class or package name.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = "body";
        String message = "is missing or is not readable";
        if (ex.getCause() instanceof JacksonException jackson) {
            String path = path(jackson);
            field = path.isEmpty() ? "body" : path;
            message = unreadable(jackson);
        }
        return ResponseEntity.badRequest().body(invalidFields(List.of(Map.of("field", field, "message", message))));
    }

    private static String unreadable(JacksonException ex) {
        return switch (ex) {
            case RequestJson.Rejected rejected -> rejected.getOriginalMessage();
            case InvalidNullException ignored -> "must not be null";
            case UnrecognizedPropertyException ignored -> "is not a field of this request";
            case ValueInstantiationException ignored -> "has an invalid value";
            case MismatchedInputException mismatch -> ExpectedValue.of(mismatch.getTargetType());
            case InputCoercionException coercion -> "is out of range (" + ExpectedValue.of(coercion.getTargetType())
                    + " of a usual size)";
            case StreamConstraintsException ignored -> "is too long or too deeply nested";
            case StreamReadException malformed -> malformed.getLocation() == null ? "is malformed JSON"
                    : "is malformed JSON at line " + malformed.getLocation().getLineNr() + ", column "
                    + malformed.getLocation().getColumnNr();
            default -> ExpectedValue.FALLBACK;
        };
    }

    /** A query parameter, path variable or header of the wrong type, e.g. {@code ?page=abc} or an unknown enum. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? parameterName(m.getParameter())
                : ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String message = ExpectedValue.of(type);
        if (ex instanceof MethodArgumentTypeMismatchException m && type != null
                && (type.isArray() || Collection.class.isAssignableFrom(type))) {
            Class<?> element = ResolvableType.forMethodParameter(m.getParameter()).asCollection().resolveGeneric(0);
            if (type.isArray()) {
                element = type.getComponentType();
            }
            message = element == null ? message : "has a value that " + ExpectedValue.of(element);
        }
        return ResponseEntity.badRequest().body(invalidFields(List.of(Map.of("field", field, "message", message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(invalidFields(List.of(Map.of("field", ex.getParameterName(),
                "message", "is required"))));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
        List<Map<String, String>> errors = ex.errors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList();
        return ResponseEntity.badRequest().body(invalidFields(errors));
    }

    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<ProblemDetail> stateConflict(StateConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Illegal state transition");
        problem.setProperty("currentState", ex.currentState());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(IfMatch.StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(IfMatch.StaleVersionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
        problem.setTitle("Stale version");
        if (ex.currentVersion() == null) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
        }
        problem.setProperty("currentVersion", ex.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(IfMatch.etag(ex.currentVersion())).body(problem);
    }

    @ExceptionHandler(IfMatch.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(IfMatch.PreconditionRequiredException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, ex.getMessage());
        problem.setTitle("If-Match required");
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage()));
    }

    /** A {@code Content-Type} naming a charset this JVM does not know ({@code charset=x-unknown}). */
    @ExceptionHandler({RequestParameterCheck.UnsupportedCharsetException.class,
            java.nio.charset.UnsupportedCharsetException.class, IllegalCharsetNameException.class})
    ResponseEntity<ProblemDetail> unsupportedCharset(RuntimeException ex) {
        return unsupportedContentType("names a character set this service does not know; send UTF-8");
    }

    /** A {@code Content-Type} that does not parse, met by a controller that reads the header itself. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(InvalidMediaTypeException ex) {
        return unsupportedContentType("is not a valid media type");
    }

    /** No endpoint takes the request's {@code Content-Type} (or it does not parse): 415 naming the header. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        String message = ex.getSupportedMediaTypes().isEmpty() ? "is not supported here"
                : "must be one of " + ex.getSupportedMediaTypes().stream().map(MediaType::toString)
                        .collect(java.util.stream.Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .body(unsupportedContentType(message).getBody());
    }

    private static ResponseEntity<ProblemDetail> unsupportedContentType(String message) {
        ProblemDetail problem = invalidFields(List.of(Map.of("field", HttpHeaders.CONTENT_TYPE, "message", message)));
        problem.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        problem.setTitle("Unsupported media type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    /**
     * Anything else is the service's fault (500). The log gets the exception's type, its root cause's type, the
     * request's method and path template and a correlation id that the report also carries — never an exception
     * message, a query or a value: a database error can quote a customer's phone or address (SEC-04). The top
     * frames of the stack are logged without messages.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        UUID correlationId = UUID.randomUUID();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
        if (root instanceof java.sql.SQLTransientConnectionException) {
            return busy(ex, request);
        }
        if (root instanceof java.util.concurrent.TimeoutException || root instanceof java.net.SocketTimeoutException
                || root instanceof java.net.http.HttpTimeoutException) {
            return timedOut(ex, root, request);
        }
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String rootType = root.getClass().getName()
                + (root instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? " SQL state " + sql.getSQLState() : "");
        log.error("Unexpected {} (root cause {}) on {} {} [correlationId={}]{}{}", ex.getClass().getName(),
                rootType, request.getMethod(), template == null ? "(no endpoint)" : template,
                correlationId, frames(ex), root == ex ? "" : "\n  root cause" + frames(root));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error; the service log has it under this correlation id");
        problem.setProperty("correlationId", correlationId.toString());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /**
     * No database connection came free in time (the pool's connection timeout): the service is saturated, not broken.
     * 503 with {@code Retry-After}, so a client or the gateway retries later instead of reporting a failure.
     */
    private static ResponseEntity<ProblemDetail> busy(Exception ex, HttpServletRequest request) {
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        log.warn("No database connection in time ({}) on {} {}: answered 503", ex.getClass().getName(),
                request.getMethod(), template == null ? "(no endpoint)" : template);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is busy; retry after the time in Retry-After");
        problem.setTitle("Service busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /**
     * Something this request waited on did not answer in time (a proxied service's body at the gateway, a slow
     * downstream): the platform is slow, not broken. 503 with {@code Retry-After}, like a saturated pool.
     */
    private static ResponseEntity<ProblemDetail> timedOut(Exception ex, Throwable root, HttpServletRequest request) {
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        log.warn("Timed out ({}, root cause {}) on {} {}: answered 503", ex.getClass().getName(),
                root.getClass().getName(), request.getMethod(), template == null ? "(no endpoint)" : template);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Part of the platform did not answer in time; retry after the time in Retry-After");
        problem.setTitle("Timed out");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    private static String frames(Throwable ex) {
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] trace = ex.getStackTrace();
        for (int i = 0; i < Math.min(LOGGED_FRAMES, trace.length); i++) {
            sb.append("\n    at ").append(trace[i]);
        }
        return sb.toString();
    }

    private static ProblemDetail invalidFields(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s)");
        problem.setType(INVALID_FIELDS);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (var ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(InputRules.escaped(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
