package com.opensvc.aftersales.gateway.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** The gateway's own answers as RFC 9457 problem reports ({@code application/problem+json}). */
final class EdgeProblems {
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EdgeProblems() {
    }

    static String body(HttpStatus status, String detail, String instance, Map<String, Object> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.putAll(extra);
        return JSON.writeValueAsString(problem);
    }

    static ServerResponse response(HttpStatus status, String detail, String instance, Map<String, Object> extra) {
        return ServerResponse.status(status).contentType(PROBLEM).body(body(status, detail, instance, extra));
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail, String instance,
                      Map<String, Object> extra) throws IOException {
        byte[] body = body(status, detail, instance, extra).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status.value());
        response.setContentType(PROBLEM.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
