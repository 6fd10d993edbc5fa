package com.opensvc.aftersales.intake.pending;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * INT-14's monthly contact round, as plain date rules. The round of month M is due by the 4th of M and covers every
 * customer on the ledger of M-1. A customer not yet contacted is overdue from the 5th of M on (company zone): the
 * 4th itself is still in time.
 */
public final class ContactRound {
    /** Day of the round month by which every customer must have been contacted. */
    public static final int DUE_DAY = 4;
    /** How many past rounds the overdue list looks at. */
    static final int MAX_ROUNDS_LOOKED_BACK = 24;

    private ContactRound() {
    }

    public static YearMonth ledgerMonth(YearMonth round) {
        return round.minusMonths(1);
    }

    public static YearMonth roundFor(YearMonth ledgerMonth) {
        return ledgerMonth.plusMonths(1);
    }

    public static LocalDate dueBy(YearMonth round) {
        return round.atDay(DUE_DAY);
    }

    /** The round's deadline has passed: today is after the 4th of the round month. */
    public static boolean deadlinePassed(YearMonth round, LocalDate today) {
        return today.isAfter(dueBy(round));
    }

    public static boolean overdue(YearMonth round, LocalDate today, boolean contacted) {
        return !contacted && deadlinePassed(round, today);
    }

    public static boolean contactedLate(YearMonth round, LocalDate contactedOn) {
        return contactedOn.isAfter(dueBy(round));
    }

    /** A round can be worked once its ledger month has begun (calls at the end of October for November's round). */
    public static boolean open(YearMonth round, LocalDate today) {
        return !ledgerMonth(round).isAfter(YearMonth.from(today));
    }

    /**
     * Rounds whose deadline has passed, newest first, from the round of {@code firstLedgerMonth} up to today's
     * month, at most {@link #MAX_ROUNDS_LOOKED_BACK}.
     */
    public static List<YearMonth> roundsPastDeadline(YearMonth firstLedgerMonth, LocalDate today) {
        List<YearMonth> rounds = new ArrayList<>();
        YearMonth first = roundFor(firstLedgerMonth);
        for (YearMonth round = YearMonth.from(today); !round.isBefore(first) && rounds.size() < MAX_ROUNDS_LOOKED_BACK;
             round = round.minusMonths(1)) {
            if (deadlinePassed(round, today)) {
                rounds.add(round);
            }
        }
        return rounds;
    }

    /**
     * Whether a ledger entry approved in {@code approved} and resolved in {@code resolved} (null while open) is on
     * the ledger of {@code ledgerMonth}: it was open at some time during that month.
     */
    public static boolean onLedger(YearMonth ledgerMonth, YearMonth approved, YearMonth resolved) {
        return !approved.isAfter(ledgerMonth) && (resolved == null || !resolved.isBefore(ledgerMonth));
    }
}
