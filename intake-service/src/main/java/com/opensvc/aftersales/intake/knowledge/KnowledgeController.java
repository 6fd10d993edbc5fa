package com.opensvc.aftersales.intake.knowledge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * INT-09 knowledge base. The desk, customer managers, supervisors and technicians read; supervisors, quality,
 * the technical director and admins write (the desk captures drafts only through a remote resolution).
 */
@RestController
@Validated
@RequestMapping("/api/intake/knowledge/articles")
@RequiredArgsConstructor
public class KnowledgeController {
    static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'TECHNICIAN', 'QUALITY', 'TECHNICAL_DIRECTOR', 'ADMIN')";
    static final String WRITERS = "hasAnyRole('SUPERVISOR', 'QUALITY', 'TECHNICAL_DIRECTOR', 'ADMIN')";

    private static final int MAX_QUERY_LENGTH = 500;

    private final KnowledgeService service;

    @GetMapping
    @PreAuthorize(READERS)
    public ArticleSearch.Page search(@RequestParam(name = "q", required = false) String q,
                                     @RequestParam(name = "model", required = false) String model,
                                     @RequestParam(name = "productLine", required = false) String productLine,
                                     @RequestParam(name = "status", required = false) String status,
                                     Paging paging) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        ArticleStatus wanted = ArticleStatus.PUBLISHED;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ArticleStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidFieldException.FieldError("status", "must be one of DRAFT, PUBLISHED, RETIRED"));
            }
        }
        if (paging.size() > service.maxPageSize()) {
            errors.add(new InvalidFieldException.FieldError("size", "must be between 1 and " + service.maxPageSize()));
        }
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            errors.add(new InvalidFieldException.FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return service.search(q, model, productLine, wanted, paging.page(), paging.size());
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    public ResponseEntity<Article> create(@Valid @RequestBody ArticleRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        KnowledgeService.Creation creation = service.create(request, idempotencyKey, CurrentUser.name());
        Article article = creation.article();
        return ResponseEntity.status(creation.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/intake/knowledge/articles/" + article.id()))
                .eTag(IfMatch.etag(article.version()))
                .body(article);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<Article> get(@PathVariable UUID id) {
        return withEtag(service.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Article> edit(@PathVariable UUID id, @Valid @RequestBody ArticleRequest request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withEtag(service.edit(id, ifMatch, request, CurrentUser.name()));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Article> publish(@PathVariable UUID id,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withEtag(service.changeStatus(id, ifMatch, ArticleStatus.PUBLISHED, CurrentUser.name()));
    }

    /** SEC-05: retiring is the only way to take an article out of the search; nothing is deleted. */
    @PostMapping("/{id}/retire")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Article> retire(@PathVariable UUID id,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withEtag(service.changeStatus(id, ifMatch, ArticleStatus.RETIRED, CurrentUser.name()));
    }

    private static ResponseEntity<Article> withEtag(Article article) {
        return ResponseEntity.ok().eTag(IfMatch.etag(article.version())).body(article);
    }
}
