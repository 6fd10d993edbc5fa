package com.opensvc.aftersales.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** RFC 9457 problem reports: every invalid field named, never a stack trace, never a 500 for bad input. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemReports extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemReports.class);
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
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName() == null ? "parameter" : parameter.getParameterName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = "body";
        String message = "is not readable JSON";
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = path(databind);
            message = "has a value of the wrong type or format";
        } else if (ex.getCause() instanceof JacksonException jackson) {
            message = "is not valid JSON: " + jackson.getOriginalMessage();
        }
        return ResponseEntity.badRequest().body(invalidFields(List.of(Map.of("field", field, "message", message))));
    }

    /** A query parameter, path variable or header of the wrong type, e.g. {@code ?page=abc} or an unknown enum. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String message = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? "must be one of " + java.util.Arrays.toString(ex.getRequiredType().getEnumConstants())
                : "has a value of the wrong type or format";
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ProblemDetail
                .forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; see the service log"));
    }

    private static ProblemDetail invalidFields(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s)");
        problem.setType(INVALID_FIELDS);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(DatabindException ex) {
        StringBuilder sb = new StringBuilder();
        for (var ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
