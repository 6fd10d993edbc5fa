package com.opensvc.aftersales.intake.pending;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** INT-14: the pending-items ledger (未了事宜台帳) and the monthly contact round by the 4th. */
@Service
@RequiredArgsConstructor
public class PendingLedger {
    static final List<String> CSV_HEADER = List.of("ticketNumber", "customer", "reason", "explanation", "customerDate",
            "proposedBy", "proposedAt", "approvedBy", "approvedAt", "resumedAt", "state", "contacts");
    /** The whole month in one file; a month's ledger is far smaller than this. */
    private static final int CSV_MAX_ROWS = 50_000;

    private final PendingRepository repository;
    private final TicketService tickets;
    private final IntakeProperties properties;
    private final Clock clock;

    public PageOf<LedgerEntry> page(YearMonth month, LedgerState state, String customerManager, Paging paging) {
        var filter = new PendingRepository.LedgerFilter(month, state, blankToNull(customerManager));
        ZoneId zone = properties.zone();
        long total = repository.countLedger(filter, zone);
        return paging.of(withContacts(repository.ledger(filter, zone, paging.offset(), paging.size())), total);
    }

    public void writeCsv(YearMonth month, LedgerState state, String customerManager, OutputStream out) throws IOException {
        var filter = new PendingRepository.LedgerFilter(month, state, blankToNull(customerManager));
        ZoneId zone = properties.zone();
        List<LedgerEntry> entries = withContacts(repository.ledger(filter, zone, 0, CSV_MAX_ROWS));
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so Excel reads UTF-8 (Chinese names) correctly
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get());
        for (LedgerEntry e : entries) {
            csv.printRecord(e.ticketNumber(), cell(e.customerName()), e.reason(), cell(e.explanation()), e.customerDate(),
                    e.proposedBy(), format(e.proposedAt(), zone, time), e.approvedBy(), format(e.approvedAt(), zone, time),
                    format(e.resumedAt(), zone, time), e.state(), cell(e.contacts().stream()
                            .map(c -> c.roundMonth() + " " + format(c.contactedAt(), zone, time) + " " + c.contactedBy()
                                    + ": " + c.outcome()
                                    + (c.nextArrangedOn() == null ? "" : " (next " + c.nextArrangedOn() + ")"))
                            .collect(Collectors.joining("; "))));
        }
        csv.flush();
    }

    /** One customer of a round: their tickets on the ledger, and whether (and how) they were contacted. */
    public record RoundCustomer(UUID customerId, String customerName, List<LedgerEntry> tickets, boolean contacted,
                                boolean overdue, boolean contactedLate, RoundContact contact) {
    }

    public record OverdueRound(YearMonth roundMonth, LocalDate dueBy, long customersNotContacted) {
    }

    public record Round(YearMonth roundMonth, YearMonth ledgerMonth, LocalDate dueBy, boolean overdue,
                        int customers, int contacted, List<RoundCustomer> lines, List<OverdueRound> overdueRounds) {
    }

    public Round round(YearMonth round) {
        return round(round, LocalDate.ofInstant(clock.instant(), properties.zone()));
    }

    Round round(YearMonth round, LocalDate today) {
        YearMonth ledgerMonth = ContactRound.ledgerMonth(round);
        List<LedgerEntry> entries = ledgerOf(ledgerMonth);
        Map<UUID, RoundContact> contacts = repository.contactsInRound(round).stream()
                .collect(Collectors.toMap(RoundContact::customerId, c -> c));
        Map<UUID, List<LedgerEntry>> byCustomer = entries.stream()
                .sorted(Comparator.comparing(LedgerEntry::customerName).thenComparing(LedgerEntry::ticketNumber))
                .collect(Collectors.groupingBy(LedgerEntry::customerId, LinkedHashMap::new, Collectors.toList()));
        List<RoundCustomer> lines = new ArrayList<>();
        byCustomer.forEach((customerId, customerEntries) -> {
            RoundContact contact = contacts.get(customerId);
            boolean late = contact != null && ContactRound.contactedLate(round,
                    LocalDate.ofInstant(contact.firstContactedAt(), properties.zone()));
            lines.add(new RoundCustomer(customerId, customerEntries.getFirst().customerName(), customerEntries,
                    contact != null, ContactRound.overdue(round, today, contact != null), late, contact));
        });
        return new Round(round, ledgerMonth, ContactRound.dueBy(round), lines.stream().anyMatch(RoundCustomer::overdue),
                lines.size(), (int) lines.stream().filter(RoundCustomer::contacted).count(), lines, overdueRounds(today));
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(properties.zone()));
    }

    public List<OverdueRound> overdueRounds() {
        return overdueRounds(LocalDate.ofInstant(clock.instant(), properties.zone()));
    }

    List<OverdueRound> overdueRounds(LocalDate today) {
        ZoneId zone = properties.zone();
        return repository.firstLedgerMonth(zone).stream()
                .flatMap(first -> ContactRound.roundsPastDeadline(first, today).stream())
                .map(round -> new OverdueRound(round, ContactRound.dueBy(round), repository.customersNotContacted(round, zone)))
                .filter(r -> r.customersNotContacted() > 0)
                .toList();
    }

    public record ContactRequest(UUID customerId, YearMonth roundMonth, String outcome, LocalDate nextArrangedOn,
                                 Instant contactedAt) {
    }

    public record Recorded(RoundContact contact, boolean created) {
    }

    @Transactional
    public Recorded recordContact(ContactRequest request, String actor) {
        Instant now = clock.instant();
        ZoneId zone = properties.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant contactedAt = request.contactedAt() == null ? now : request.contactedAt();
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        if (!ContactRound.open(request.roundMonth(), today)) {
            errors.add(new InvalidFieldException.FieldError("roundMonth", "the round's ledger month "
                    + ContactRound.ledgerMonth(request.roundMonth()) + " has not begun"));
        }
        if (contactedAt.isAfter(now)) {
            errors.add(new InvalidFieldException.FieldError("contactedAt", "must not be in the future"));
        }
        if (request.nextArrangedOn() != null && request.nextArrangedOn().isBefore(LocalDate.ofInstant(contactedAt, zone))) {
            errors.add(new InvalidFieldException.FieldError("nextArrangedOn", "must be on or after the contact's day"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        YearMonth ledgerMonth = ContactRound.ledgerMonth(request.roundMonth());
        List<LedgerEntry> customerEntries = ledgerOf(ledgerMonth).stream()
                .filter(e -> e.customerId().equals(request.customerId())).toList();
        if (customerEntries.isEmpty()) {
            throw new InvalidFieldException("customerId", "has no pending item on the " + ledgerMonth + " ledger");
        }
        RoundContact contact = repository.upsertContact(request.roundMonth(), request.customerId(),
                request.outcome().strip(), request.nextArrangedOn(), contactedAt, actor);
        for (LedgerEntry entry : customerEntries) {
            tickets.note(entry.ticketId(), "PENDING_CONTACT", actor, contactedAt,
                    "round " + request.roundMonth() + " contact about the pending item: " + contact.outcome()
                            + (contact.nextArrangedOn() == null ? "" : "; next arranged " + contact.nextArrangedOn()));
        }
        return new Recorded(contact, contact.attempts() == 1);
    }

    private List<LedgerEntry> ledgerOf(YearMonth month) {
        var filter = new PendingRepository.LedgerFilter(month, null, null);
        return repository.ledger(filter, properties.zone(), 0, CSV_MAX_ROWS);
    }

    /** Each entry with the round contacts made while it was on the ledger (rounds after its months on it). */
    private List<LedgerEntry> withContacts(List<LedgerEntry> entries) {
        ZoneId zone = properties.zone();
        Map<UUID, List<RoundContact>> byCustomer = repository.contactsOf(
                        entries.stream().map(LedgerEntry::customerId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(RoundContact::customerId));
        return entries.stream().map(e -> {
            YearMonth approved = Months.of(e.approvedAt(), zone);
            YearMonth resolved = e.resumedAt() == null ? null : Months.of(e.resumedAt(), zone);
            return e.withContacts(byCustomer.getOrDefault(e.customerId(), List.of()).stream()
                    .filter(c -> ContactRound.onLedger(ContactRound.ledgerMonth(c.roundMonth()), approved, resolved))
                    .toList());
        }).toList();
    }

    private static String format(Instant instant, ZoneId zone, DateTimeFormatter formatter) {
        return instant == null ? "" : formatter.format(instant.atZone(zone).toOffsetDateTime());
    }

    /** CSV injection: a free-text cell starting like a formula is prefixed with a quote. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
