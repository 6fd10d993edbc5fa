package com.opensvc.aftersales.dispatch.installation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.dispatch.installation.InstallationProject.CheckResult;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Confirmation;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.EntryItem;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Problem;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * What one transition of an installation project caused, for {@link InstallationRepository#save} to write in the
 * caller's transaction: the project after it, the entry review item it checked and its append-only check line, the
 * problem it recorded or changed (with the signature taken) and its events.
 *
 * @param opens true when the change creates the project (its row and checklist are inserted)
 */
record InstallationChange(InstallationProject project, boolean opens, EntryItem item, CheckLine check,
                          Problem problem, SignatureData signature, List<OutgoingEvent> events) {

    /** One line of the append-only {@code installation_entry_check}. */
    record CheckLine(String item, String action, CheckResult status, String note, String actor, Instant at) {
    }

    /** The customer's or site lead's confirmation: a PNG signature image, or a confirmation code. */
    record SignatureData(Confirmation confirmation, byte[] png, String code) {
    }

    InstallationChange {
        events = List.copyOf(events);
    }

    static InstallationChange opened(InstallationProject project) {
        return new InstallationChange(project, true, null, null, null, null, List.of());
    }

    static InstallationChange of(InstallationProject project) {
        return new InstallationChange(project, false, null, null, null, null, List.of());
    }

    InstallationChange withCheck(EntryItem checked, CheckLine line) {
        return new InstallationChange(project, opens, checked, line, problem, signature, events);
    }

    InstallationChange withProblem(Problem changed, SignatureData taken) {
        return new InstallationChange(project, opens, item, check, changed, taken, events);
    }

    InstallationChange withEvent(OutgoingEvent event) {
        List<OutgoingEvent> all = new ArrayList<>(events);
        all.add(event);
        return new InstallationChange(project, opens, item, check, problem, signature, all);
    }
}
