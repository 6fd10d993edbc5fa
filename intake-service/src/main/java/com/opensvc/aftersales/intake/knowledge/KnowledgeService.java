package com.opensvc.aftersales.intake.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

/** INT-09 the knowledge base: articles written by supervisors, quality and engineering, searched by the desk. */
@Service
public class KnowledgeService {
    private final ArticleRepository articles;
    private final IdempotencyKeys idempotency;
    private final KnowledgeProperties properties;
    private final Synonyms synonyms;
    private final Clock clock;

    public KnowledgeService(ArticleRepository articles, IdempotencyKeys idempotency, KnowledgeProperties properties,
                            Clock clock) {
        this.articles = articles;
        this.idempotency = idempotency;
        this.properties = properties;
        this.synonyms = Synonyms.of(properties.synonyms());
        this.clock = clock;
    }

    public record Creation(Article article, boolean created) {
    }

    @Transactional
    public Creation create(ArticleRequest request, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim("knowledge-article", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Creation(get(earlier.get()), false);
        }
        Article article = Article.draft(id, request.title().strip(), request.symptom().strip(),
                request.solutionSteps().stream().map(String::strip).toList(), request.keywordsOrEmpty(),
                request.productModelsOrEmpty(), request.productLineOrNull(), clock.instant(), actor);
        articles.insert(article);
        return new Creation(article, true);
    }

    /**
     * A solution that worked on the phone becomes a DRAFT for the ticket's model; it has been used once. A
     * supervisor reviews and publishes it.
     */
    @Transactional
    public Article captureFromTicket(Ticket ticket, String title, String solution, String actor, Instant now) {
        List<String> steps = Arrays.stream(solution.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String articleTitle = title != null && !title.isBlank() ? title.strip() : abbreviate(ticket.faultDescription(), 200);
        Article article = Article.captured(articleTitle, abbreviate(ticket.faultDescription(), 2000), steps,
                ticket.productModel(), ticket.productLine(), ticket.id(), now, actor);
        articles.insert(article);
        return article;
    }

    public Article get(UUID id) {
        return articles.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Article edit(UUID id, String ifMatch, ArticleRequest request, String actor) {
        Article article = articles.findForUpdate(id).orElseThrow(() -> notFound(id));
        IfMatch.requireMatch(ifMatch, article.version(), "article " + article.id());
        article.status().requireEditable();
        articles.updateContent(id, request, clock.instant(), actor);
        return get(id);
    }

    @Transactional
    public Article changeStatus(UUID id, String ifMatch, ArticleStatus target, String actor) {
        Article article = articles.findForUpdate(id).orElseThrow(() -> notFound(id));
        IfMatch.requireMatch(ifMatch, article.version(), "article " + article.id());
        article.status().requireTransitionTo(target);
        articles.updateStatus(id, target, clock.instant(), actor);
        return get(id);
    }

    /** Locks the article a remote resolution used and counts the use; 400 naming the field if there is none. */
    @Transactional
    public Article recordUse(UUID id, Instant now) {
        Article article = articles.findForUpdate(id)
                .orElseThrow(() -> new InvalidFieldException("articleId", "no such knowledge article"));
        articles.recordUse(id, now);
        return article;
    }

    /**
     * Ranked search: every word (prefix, stemmed, synonyms) first; when no article has them all, any of them;
     * when none has any, trigram similarity of title and symptom (typos). Articles for the model rank above
     * those for its product line, which rank above those for all models.
     */
    public int maxPageSize() {
        return properties.maxPageSize();
    }

    /** Paging and {@code q} are checked by the caller (the controller names each bad parameter). */
    public ArticleSearch.Page search(String q, String model, String productLine, ArticleStatus status, int page,
                                     int size) {
        String normalisedModel = model == null || model.isBlank() ? null : model.strip();
        String line = productLine != null && !productLine.isBlank() ? productLine.strip()
                : normalisedModel == null ? null : articles.productLineOfModel(normalisedModel).orElse(null);
        SearchText text = SearchText.parse(q, synonyms);
        List<ArticleSearch.MatchMode> modes = text.isEmpty() ? List.of(ArticleSearch.MatchMode.NONE)
                : List.of(ArticleSearch.MatchMode.ALL, ArticleSearch.MatchMode.ANY, ArticleSearch.MatchMode.SIMILAR);
        ArticleRepository.Criteria criteria = null;
        long total = 0;
        for (ArticleSearch.MatchMode mode : modes) {
            criteria = new ArticleRepository.Criteria(mode, text, normalisedModel, line, status,
                    properties.similarityThreshold());
            total = articles.count(criteria);
            if (total > 0) {
                break;
            }
        }
        List<ArticleSearch.Hit> hits = total == 0 ? List.of() : articles.search(criteria, page, size);
        return new ArticleSearch.Page(hits, page, size, total, (int) ((total + size - 1) / size), criteria.mode(),
                normalisedModel, line, criteria.tsquery());
    }

    private static String abbreviate(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no knowledge article " + id);
    }
}
