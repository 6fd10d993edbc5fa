package com.opensvc.aftersales.quality.improvement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** QLT-05: the photos and other files of reports' problems; only ever inserted (append-only in the database). */
@Repository
@RequiredArgsConstructor
public class ImprovementAttachmentRepository {
    private static final String COLUMNS = "id, report_id, file_name, content_type, size, sha256, added_by, added_at";

    private final JdbcClient jdbc;

    /** The bytes of an attachment with the name and type they are downloaded with. */
    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    void insert(ImprovementAttachment a, byte[] bytes) {
        jdbc.sql("""
                INSERT INTO improvement_attachment (id, report_id, file_name, content_type, size, sha256, content,
                    added_by, added_at)
                VALUES (:id, :report, :name, :type, :size, :sha256, :content, :by, :at)
                """)
                .param("id", a.id()).param("report", a.reportId()).param("name", a.fileName())
                .param("type", a.contentType()).param("size", a.size()).param("sha256", a.sha256())
                .param("content", bytes).param("by", a.addedBy()).param("at", Timestamps.utc(a.addedAt())).update();
    }

    public long count(UUID reportId) {
        return jdbc.sql("SELECT count(*) FROM improvement_attachment WHERE report_id = :report")
                .param("report", reportId).query(Long.class).single();
    }

    public Optional<ImprovementAttachment> find(UUID reportId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM improvement_attachment WHERE report_id = :report AND id = :id")
                .param("report", reportId).param("id", id).query(this::map).optional();
    }

    public PageOf<ImprovementAttachment> list(UUID reportId, Paging paging) {
        List<ImprovementAttachment> items = jdbc.sql("SELECT " + COLUMNS
                        + " FROM improvement_attachment WHERE report_id = :report ORDER BY added_at, id"
                        + " LIMIT :limit OFFSET :offset")
                .param("report", reportId).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        return paging.of(items, count(reportId));
    }

    public Optional<Content> content(UUID reportId, UUID id) {
        return jdbc.sql("SELECT file_name, content_type, content FROM improvement_attachment"
                        + " WHERE report_id = :report AND id = :id")
                .param("report", reportId).param("id", id)
                .query((rs, row) -> new Content(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    private ImprovementAttachment map(ResultSet rs, int row) throws SQLException {
        return new ImprovementAttachment(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("added_by"), Timestamps.instant(rs, "added_at"));
    }
}
