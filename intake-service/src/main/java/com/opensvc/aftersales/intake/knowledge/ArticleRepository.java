package com.opensvc.aftersales.intake.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class ArticleRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String SCOPE_WEIGHT = """
            CASE WHEN a.product_models @> jsonb_build_array(CAST(:model AS text)) THEN 2.0
                 WHEN jsonb_array_length(a.product_models) = 0 AND a.product_line = CAST(:line AS text) THEN 1.5
                 ELSE 1.0 END""";
    private static final String SCOPE = """
            CASE WHEN a.product_models @> jsonb_build_array(CAST(:model AS text)) THEN 'MODEL'
                 WHEN jsonb_array_length(a.product_models) = 0 AND a.product_line IS NULL THEN 'ALL_MODELS'
                 WHEN jsonb_array_length(a.product_models) = 0 AND a.product_line = CAST(:line AS text) THEN 'PRODUCT_LINE'
                 ELSE 'OTHER' END""";
    /** Articles for the model, for its product line as a whole, or for all models; no filter without either. */
    private static final String IN_SCOPE = """
            (CAST(:model AS text) IS NULL AND CAST(:line AS text) IS NULL
             OR a.product_models @> jsonb_build_array(CAST(:model AS text))
             OR CAST(:model AS text) IS NULL AND a.product_line = CAST(:line AS text)
             OR jsonb_array_length(a.product_models) = 0
                AND (a.product_line IS NULL OR a.product_line = CAST(:line AS text)))""";
    private static final String SIMILARITY = "word_similarity(:plain, a.title || ' ' || a.symptom)";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public void insert(Article a) {
        jdbc.sql("""
                        INSERT INTO knowledge_article (id, title, symptom, solution_steps, keywords, product_models,
                            product_line, status, version, usage_count, last_used_at, source_ticket_id,
                            created_at, created_by, updated_at, updated_by)
                        VALUES (:id, :title, :symptom, CAST(:steps AS jsonb), CAST(:keywords AS jsonb),
                            CAST(:models AS jsonb), :line, :status, :version, :usage, :lastUsed, :ticket,
                            :createdAt, :createdBy, :updatedAt, :updatedBy)""")
                .param("id", a.id()).param("title", a.title()).param("symptom", a.symptom())
                .param("steps", json.writeValueAsString(a.solutionSteps()))
                .param("keywords", json.writeValueAsString(a.keywords()))
                .param("models", json.writeValueAsString(a.productModels())).param("line", a.productLine())
                .param("status", a.status().name()).param("version", a.version()).param("usage", a.usageCount())
                .param("lastUsed", Timestamps.utc(a.lastUsedAt()))
                .param("ticket", a.sourceTicketId())
                .param("createdAt", Timestamps.utc(a.createdAt())).param("createdBy", a.createdBy())
                .param("updatedAt", Timestamps.utc(a.updatedAt())).param("updatedBy", a.updatedBy())
                .update();
    }

    public Optional<Article> find(UUID id) {
        return jdbc.sql("SELECT a.* FROM knowledge_article a WHERE a.id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads and row-locks the article for an edit, a status change or counting a use. */
    public Optional<Article> findForUpdate(UUID id) {
        return jdbc.sql("SELECT a.* FROM knowledge_article a WHERE a.id = :id FOR UPDATE")
                .param("id", id).query(this::map).optional();
    }

    public void updateContent(UUID id, ArticleRequest r, Instant now, String actor) {
        jdbc.sql("""
                        UPDATE knowledge_article SET title = :title, symptom = :symptom, solution_steps = CAST(:steps AS jsonb),
                            keywords = CAST(:keywords AS jsonb), product_models = CAST(:models AS jsonb), product_line = :line,
                            version = version + 1, updated_at = :at, updated_by = :actor
                        WHERE id = :id""")
                .param("id", id).param("title", r.title().strip()).param("symptom", r.symptom().strip())
                .param("steps", json.writeValueAsString(r.solutionSteps().stream().map(String::strip).toList()))
                .param("keywords", json.writeValueAsString(r.keywordsOrEmpty()))
                .param("models", json.writeValueAsString(r.productModelsOrEmpty()))
                .param("line", r.productLineOrNull()).param("at", Timestamps.utc(now)).param("actor", actor)
                .update();
    }

    public void updateStatus(UUID id, ArticleStatus status, Instant now, String actor) {
        jdbc.sql("""
                        UPDATE knowledge_article SET status = :status, version = version + 1, updated_at = :at,
                            updated_by = :actor WHERE id = :id""")
                .param("id", id).param("status", status.name()).param("at", Timestamps.utc(now)).param("actor", actor).update();
    }

    /**
     * INT-09 feedback: a solution from this article closed a ticket. Not an edit of the article, so its version
     * (and a supervisor's pending If-Match) stays as it is.
     */
    public void recordUse(UUID id, Instant now) {
        jdbc.sql("UPDATE knowledge_article SET usage_count = usage_count + 1, last_used_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamps.utc(now)).update();
    }

    /** The product line of the articles written for this model, when the caller did not name one. */
    public Optional<String> productLineOfModel(String model) {
        return jdbc.sql("""
                        SELECT product_line FROM knowledge_article
                        WHERE product_models @> jsonb_build_array(CAST(:model AS text)) AND product_line IS NOT NULL
                        GROUP BY product_line ORDER BY count(*) DESC, product_line LIMIT 1""")
                .param("model", model).query(String.class).optional();
    }

    public record Criteria(ArticleSearch.MatchMode mode, SearchText text, String model, String productLine,
                           ArticleStatus status, double similarityThreshold) {
        String tsquery() {
            return mode == ArticleSearch.MatchMode.ALL ? text.allTerms() : text.anyTerms();
        }
    }

    public long count(Criteria c) {
        return bind(jdbc.sql("SELECT count(*) FROM knowledge_article a, " + query() + " WHERE " + where(c.mode())), c)
                .query(Long.class).single();
    }

    public List<ArticleSearch.Hit> search(Criteria c, int page, int size) {
        String rank = switch (c.mode()) {
            case ALL, ANY -> "ts_rank(a.search, q.query)";
            case SIMILAR -> SIMILARITY;
            case NONE -> "1.0";
        };
        // the headline is computed for the page's rows only
        String sql = """
                SELECT p.*, ts_headline('english', p.text, p.query,
                    'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
                FROM (
                    SELECT a.*, %s AS scope, round(CAST(CAST(%s AS double precision) * %s AS numeric), 6) AS rank, q.query,
                        replace(replace(replace(a.symptom || ' — ' ||
                            (SELECT string_agg(step, ' ') FROM jsonb_array_elements_text(a.solution_steps) step),
                            '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS text
                    FROM knowledge_article a, %s
                    WHERE %s
                    ORDER BY rank DESC, a.usage_count DESC, a.updated_at DESC, a.id
                    LIMIT :limit OFFSET :offset
                ) p
                ORDER BY p.rank DESC, p.usage_count DESC, p.updated_at DESC, p.id
                """.formatted(SCOPE, rank, SCOPE_WEIGHT, query(), where(c.mode()));
        return bind(jdbc.sql(sql), c).param("limit", size).param("offset", (long) page * size)
                .query((rs, row) -> {
                    Article a = map(rs, row);
                    return new ArticleSearch.Hit(a.id(), a.title(), a.symptom(), a.solutionSteps(), a.keywords(),
                            a.productModels(), a.productLine(), a.status(), a.version(), a.usageCount(),
                            a.lastUsedAt(), ArticleSearch.Scope.valueOf(rs.getString("scope")),
                            rs.getDouble("rank"), rs.getString("snippet"));
                })
                .list();
    }

    private static String query() {
        return "(SELECT to_tsquery('english', :tsquery) AS query) q";
    }

    private static String where(ArticleSearch.MatchMode mode) {
        String match = switch (mode) {
            case ALL, ANY -> "a.search @@ q.query";
            case SIMILAR -> SIMILARITY + " >= :threshold";
            case NONE -> "TRUE";
        };
        return "a.status = :status AND " + IN_SCOPE + " AND " + match;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Criteria c) {
        spec = spec.param("tsquery", c.tsquery()).param("status", c.status().name())
                .param("model", c.model()).param("line", c.productLine());
        if (c.mode() == ArticleSearch.MatchMode.SIMILAR) {
            spec = spec.param("plain", c.text().plain()).param("threshold", c.similarityThreshold());
        }
        return spec;
    }

    public void insertRemoteResolution(UUID ticketId, UUID articleId, UUID capturedArticleId, String solution,
                                       Instant at, String actor) {
        jdbc.sql("""
                        INSERT INTO ticket_remote_resolution (ticket_id, article_id, captured_article_id, solution,
                            resolved_at, resolved_by)
                        VALUES (:ticket, :article, :captured, :solution, :at, :actor)""")
                .param("ticket", ticketId).param("article", articleId).param("captured", capturedArticleId)
                .param("solution", solution).param("at", Timestamps.utc(at)).param("actor", actor).update();
    }

    private Article map(ResultSet rs, int row) throws SQLException {
        return new Article(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("symptom"),
                json.readValue(rs.getString("solution_steps"), STRINGS), json.readValue(rs.getString("keywords"), STRINGS),
                json.readValue(rs.getString("product_models"), STRINGS), rs.getString("product_line"),
                ArticleStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getInt("usage_count"),
                Timestamps.instant(rs, "last_used_at"), rs.getObject("source_ticket_id", UUID.class),
                Timestamps.instant(rs, "created_at"), rs.getString("created_by"),
                Timestamps.instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
