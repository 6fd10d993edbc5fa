package com.opensvc.aftersales.revisit.conflict;

import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.opensvc.aftersales.web.ForbiddenException;

import lombok.RequiredArgsConstructor;

/** INT-12: revisit's own copy of who each complaint is about (from intake's events, never a call to intake). */
@Service
@RequiredArgsConstructor
public class ComplaintSubjects {
    private final ComplaintSubjectRepository subjects;

    void record(UUID ticketId, Collection<String> persons) {
        subjects.insert(ticketId, persons.stream().map(ComplaintSubjects::normalised).toList());
    }

    /** A person the ticket's complaint is about may not be its revisit agent. */
    public void requireNotSubject(UUID ticketId, String agent) {
        if (subjects.exists(ticketId, normalised(agent))) {
            throw new ForbiddenException(agent + " is named in this ticket's complaint and cannot be its revisit agent (INT-12)");
        }
    }

    private static String normalised(String person) {
        return person.trim().toLowerCase();
    }
}
