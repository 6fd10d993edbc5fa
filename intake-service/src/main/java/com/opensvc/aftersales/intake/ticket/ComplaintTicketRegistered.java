package com.opensvc.aftersales.intake.ticket;

import java.util.List;
import java.util.UUID;

/** Published in-process, in the registering transaction, when a COMPLAINT ticket registers: its process opens. */
public record ComplaintTicketRegistered(UUID ticketId, boolean major, List<String> subjects, String actor) {
}
