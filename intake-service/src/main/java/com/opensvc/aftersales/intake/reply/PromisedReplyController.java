package com.opensvc.aftersales.intake.reply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** INT-25 the promised reply. The ETag is the promise's revision on the ticket. */
@RestController
@Validated
@RequiredArgsConstructor
public class PromisedReplyController {
    static final String WRITERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')";
    static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER')";

    private final PromisedReplyService service;

    public record PromiseRequest(@NotNull Instant replyBy, @NotNull ReplySource source, @Size(max = 1000) String note) {
    }

    public record AnswerRequest(@NotBlank @Size(max = 2000) String summary) {
    }

    /** Sets or changes the promise; a change keeps the old one on the history. {@code If-Match} optional (412). */
    @PutMapping("/api/intake/tickets/{id}/promised-reply")
    @PreAuthorize(WRITERS)
    public ResponseEntity<PromisedReply> promise(@PathVariable UUID id, @Valid @RequestBody PromiseRequest request,
                                                 @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        PromisedReply reply = service.promise(id, request.replyBy(), request.source(), request.note(),
                ifMatch == null ? null : IfMatch.expectedVersion(ifMatch), CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(reply.revision())).body(reply);
    }

    @PostMapping("/api/intake/tickets/{id}/promised-reply/answered")
    @PreAuthorize(WRITERS)
    public PromisedReply answered(@PathVariable UUID id, @Valid @RequestBody AnswerRequest request) {
        return service.answered(id, request.summary(), CurrentUser.name());
    }

    /** The ticket's latest promise (open, answered); 404 when none was made. */
    @GetMapping("/api/intake/tickets/{id}/promised-reply")
    @PreAuthorize(READERS)
    public ResponseEntity<PromisedReply> current(@PathVariable UUID id) {
        PromisedReply reply = service.current(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(reply.revision())).body(reply);
    }

    @GetMapping("/api/intake/tickets/{id}/promised-reply/history")
    @PreAuthorize(READERS)
    public List<PromisedReply> history(@PathVariable UUID id) {
        return service.history(id);
    }

    /** Open promises by due time, overdue first; {@code overdue=true} only the overdue, {@code false} only the others. */
    @GetMapping("/api/intake/promised-replies")
    @PreAuthorize(READERS)
    public PageOf<PromisedReply> open(@RequestParam(required = false) Boolean overdue, Paging paging) {
        return service.open(overdue, paging);
    }
}
