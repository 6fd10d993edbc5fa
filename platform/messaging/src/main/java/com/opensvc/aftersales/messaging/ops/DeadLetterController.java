package com.opensvc.aftersales.messaging.ops;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The operator's dead-letter desk (issue 16), in every service under {@code /api/<service>/ops/dead-letters}
 * ({@link DeadLetterOpsAutoConfiguration} adds the prefix): list the {@code .DLT} records of the topics the service
 * consumes, replay one after a fix. ADMIN only (SEC-01).
 */
@RestController
@Validated
@RequestMapping(DeadLetterController.PATH)
public class DeadLetterController {
    static final String PATH = "/ops/dead-letters";
    static final String OPERATORS = "hasRole('ADMIN')";
    private static final URI INVALID_FIELDS = URI.create("https://opensvc.com/aftersales/problems/invalid-fields");

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The newest {@code limit} dead letters of each partition of the service's dead-letter topics. */
    @GetMapping
    @PreAuthorize(OPERATORS)
    public ResponseEntity<?> list(@RequestParam(required = false) String topic,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        if (topic != null && !deadLetters.topics().contains(topic)) {
            return invalid("topic", "must be one of " + String.join(", ", deadLetters.topics()));
        }
        return ResponseEntity.ok(deadLetters.list(topic, limit));
    }

    /** The replays of one dead letter (the audit), oldest first. */
    @GetMapping("/replays")
    @PreAuthorize(OPERATORS)
    public ResponseEntity<?> replays(@RequestParam String topic, @RequestParam @Min(0) int partition,
                                     @RequestParam @Min(0) long offset) {
        if (!deadLetters.topics().contains(topic)) {
            return invalid("topic", "must be one of " + String.join(", ", deadLetters.topics()));
        }
        return ResponseEntity.ok(deadLetters.replays(topic, partition, offset));
    }

    /** Re-publishes one dead letter to its original topic and partition; audited with the caller and the reason. */
    @PostMapping("/replay")
    @PreAuthorize(OPERATORS)
    public ResponseEntity<?> replay(@Valid @RequestBody ReplayRequest request, Authentication caller) {
        if (!deadLetters.topics().contains(request.topic())) {
            return invalid("topic", "must be one of " + String.join(", ", deadLetters.topics()));
        }
        return deadLetters.replay(request.topic(), request.partition(), request.offset(), caller.getName(),
                        request.reason())
                .<ResponseEntity<?>>map(replay -> ResponseEntity.accepted().body(replay))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "no dead letter at " + request.topic() + " partition "
                                + request.partition() + " offset " + request.offset())));
    }

    /**
     * @param topic     the dead-letter topic, as listed ({@code aftersales.dispatch.workorder.DLT})
     * @param partition its partition
     * @param offset    the record's offset there
     * @param reason    why it is replayed (the fix), kept in the audit
     */
    public record ReplayRequest(@NotBlank @Size(max = 249) String topic, @NotNull @Min(0) Integer partition,
                                @NotNull @Min(0) Long offset, @NotBlank @Size(max = 500) String reason) {
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has 1 invalid field(s)");
        problem.setType(INVALID_FIELDS);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }
}
