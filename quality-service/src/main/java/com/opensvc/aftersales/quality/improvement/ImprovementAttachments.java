package com.opensvc.aftersales.quality.improvement;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * QLT-05: photos and other files of a report's problem — added while the report is not CLOSED, at most
 * {@code attachment-max-count} per report (the report's row lock counts them one request at a time), listed and
 * downloaded. Never changed or deleted.
 */
@Service
@RequiredArgsConstructor
public class ImprovementAttachments {
    private static final Logger log = LoggerFactory.getLogger(ImprovementAttachments.class);

    private final ImprovementReportRepository reports;
    private final ImprovementAttachmentRepository attachments;
    private final IdempotencyKeys idempotency;
    private final ImprovementReportProperties properties;
    private final Clock clock;

    /** @param created false when an earlier request with the same Idempotency-Key added it */
    public record Added(ImprovementAttachment attachment, boolean created) {
    }

    @Transactional
    public Added add(UUID reportId, AttachmentFiles.CheckedFile file, String idempotencyKey, String actor) {
        ImprovementReport report = reports.findForUpdate(reportId).orElseThrow(() -> noReport(reportId));
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim("improvement-attachment", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Added(attachments.find(reportId, earlier.get()).orElseThrow(() -> noAttachment(earlier.get())),
                    false);
        }
        report.requireAttachable(attachments.count(reportId), properties.attachmentMaxCount());
        ImprovementAttachment attachment = new ImprovementAttachment(id, reportId, file.fileName(), file.contentType(),
                file.bytes().length, file.sha256(), actor, clock.instant());
        attachments.insert(attachment, file.bytes());
        log.info("Attachment {} ({}, {} bytes) added to improvement report {} by {}", id, file.contentType(),
                file.bytes().length, reportId, actor);
        return new Added(attachment, true);
    }

    public PageOf<ImprovementAttachment> list(UUID reportId, Paging paging) {
        requireReport(reportId);
        return attachments.list(reportId, paging);
    }

    public ImprovementAttachmentRepository.Content content(UUID reportId, UUID attachmentId) {
        requireReport(reportId);
        return attachments.content(reportId, attachmentId).orElseThrow(() -> noAttachment(attachmentId));
    }

    private void requireReport(UUID reportId) {
        if (reports.find(reportId).isEmpty()) {
            throw noReport(reportId);
        }
    }

    private static NotFoundException noReport(UUID id) {
        return new NotFoundException("no improvement report " + id);
    }

    private static NotFoundException noAttachment(UUID id) {
        return new NotFoundException("no attachment " + id + " on this improvement report");
    }
}
