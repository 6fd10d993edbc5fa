package com.opensvc.aftersales.revisit.happycall;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.revisit.conflict.ComplaintSubjects;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * INT-26, REV-04: the correction of a finished revisit's survey while its review allows it ({@link RevisitLocks}).
 * Only the agent who recorded the revisit corrects it; the overall answer, which
 * decided the published outcome (REV-05), never changes, so a correction publishes nothing.
 */
@Service
@RequiredArgsConstructor
public class RevisitCorrections {
    private static final Logger log = LoggerFactory.getLogger(RevisitCorrections.class);

    private final RevisitRepository revisits;
    private final RevisitLocks locks;
    private final ComplaintSubjects complaintSubjects;
    private final Clock clock;

    /**
     * The recording agent corrects the survey's other answers and the comment.
     *
     * @param expectedVersion the revisit's version the agent read (If-Match); another → 412
     */
    @Transactional
    public Revisit correctSurvey(UUID id, SurveyAnswers answers, int expectedVersion, String agent) {
        Revisit revisit = revisits.findForUpdate(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
        if (revisit.agent() == null || !revisit.agent().equals(agent)) {
            throw new ForbiddenException("only the agent who recorded revisit " + id + " may correct it (INT-26)");
        }
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        locks.requireCorrectable(id);
        IfMatch.require(expectedVersion, revisit.version(), "revisit " + id);
        revisits.save(revisit.correctSurvey(answers, clock.instant()));
        log.info("Revisit {} of ticket {}: survey corrected by {}", id, revisit.ticketId(), agent);
        return revisits.find(id).orElseThrow();
    }
}
