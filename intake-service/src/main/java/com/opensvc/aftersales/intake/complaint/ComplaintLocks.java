package com.opensvc.aftersales.intake.complaint;

import java.time.Instant;

/**
 * INT-26: a locked complaint form cannot be changed. The complaint process asks before every write; the review
 * (package {@code review}) answers. A reopen by a dissatisfied customer (INT-19) is a fact that cannot be refused:
 * it ends the lock on record and starts a new review cycle, the locked form's snapshot staying in the review history.
 */
public interface ComplaintLocks {

    /** @throws com.opensvc.aftersales.web.StateConflictException (409, currentState LOCKED) when the form is locked */
    void requireUnlocked(Complaint complaint, String attempted);

    /** INT-19: records that the reopen ends the current review cycle (and lock, if any) of the complaint's form. */
    void releaseForReopen(Complaint complaint, String actor, Instant at);
}
