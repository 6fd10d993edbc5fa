package com.opensvc.aftersales.quality.publication;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
@RequiredArgsConstructor
class PublishedReportRepository {
    private static final TypeReference<List<com.opensvc.aftersales.web.TabularReport.Column>> COLUMNS =
            new TypeReference<>() {
            };
    private static final TypeReference<List<List<Object>>> ROWS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM published_report WHERE id = :id").param("id", id).query(Long.class)
                .single() > 0;
    }

    /** @return false when another replica (or an earlier run) kept this report first */
    boolean insertIfAbsent(PublishedReport r, Object content, StoredTable table) {
        return jdbc.sql("""
                INSERT INTO published_report (id, kind, period_from, period_to, subject, title, audience, content,
                    table_columns, table_rows, generated_by, generated_at)
                VALUES (:id, :kind, :from, :to, :subject, :title, :audience, CAST(:content AS jsonb),
                    CAST(:columns AS jsonb), CAST(:rows AS jsonb), :by, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("id", r.id()).param("kind", r.kind().name()).param("from", r.periodFrom())
                .param("to", r.periodTo()).param("subject", r.subject()).param("title", r.title())
                .param("audience", r.audience().toArray(String[]::new))
                .param("content", json.writeValueAsString(content))
                .param("columns", json.writeValueAsString(table.columns()))
                .param("rows", json.writeValueAsString(table.rows()))
                .param("by", r.generatedBy()).param("at", Timestamps.utc(r.generatedAt())).update() == 1;
    }

    Optional<PublishedReport> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<JsonNode> content(UUID id) {
        return jdbc.sql("SELECT content FROM published_report WHERE id = :id").param("id", id)
                .query((rs, row) -> json.readTree(rs.getString("content"))).optional();
    }

    Optional<StoredTable> table(UUID id) {
        return jdbc.sql("SELECT table_columns, table_rows FROM published_report WHERE id = :id").param("id", id)
                .query((rs, row) -> new StoredTable(json.readValue(rs.getString("table_columns"), COLUMNS),
                        json.readValue(rs.getString("table_rows"), ROWS)))
                .optional();
    }

    PageOf<PublishedReport> search(ReportKind kind, String subject, LocalDate from, LocalDate to, Paging paging) {
        String where = """
                 WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                   AND (CAST(:subject AS text) IS NULL OR subject = :subject)
                   AND (CAST(:from AS date) IS NULL OR period_to >= :from)
                   AND (CAST(:to AS date) IS NULL OR period_from <= :to)
                """;
        String kindName = kind == null ? null : kind.name();
        long total = jdbc.sql("SELECT count(*) FROM published_report" + where)
                .param("kind", kindName).param("subject", subject).param("from", from).param("to", to)
                .query(Long.class).single();
        List<PublishedReport> items = jdbc.sql(SELECT + where
                        + " ORDER BY period_from DESC, kind, subject LIMIT :limit OFFSET :offset")
                .param("kind", kindName).param("subject", subject).param("from", from).param("to", to)
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list();
        return paging.of(items, total);
    }

    private static final String SELECT = """
            SELECT id, kind, period_from, period_to, subject, title, audience, jsonb_array_length(table_rows) AS row_count,
                   generated_by, generated_at FROM published_report""";

    private PublishedReport map(ResultSet rs, int row) throws SQLException {
        Array audience = rs.getArray("audience");
        return new PublishedReport(rs.getObject("id", UUID.class), ReportKind.valueOf(rs.getString("kind")),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("subject"), rs.getString("title"), Arrays.asList((String[]) audience.getArray()),
                rs.getInt("row_count"), rs.getString("generated_by"), Timestamps.instant(rs, "generated_at"));
    }
}
