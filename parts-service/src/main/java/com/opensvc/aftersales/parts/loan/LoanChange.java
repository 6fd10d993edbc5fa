package com.opensvc.aftersales.parts.loan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.opensvc.aftersales.parts.loan.PartsEvent.WrittenOff;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * What one move of a loan caused (PRT-03), for {@link LoanRepository#save} to write in the caller's transaction:
 * the loan after it, the unused rest lent on (a split at RepairClosed), the stock movement the service makes, the
 * written-off line (the service gathers a transaction's lines into one PartsWrittenOff) and the other events.
 */
record LoanChange(Loan loan, Optional<Loan> rest, Optional<Move> move, Optional<WrittenOff> writtenOff,
                  List<PartsEvent> events) {

    /** A ledger movement of the loaned part (from/to null = from outside / leaves stock). */
    record Move(PartLine line, String from, String to, MovementReason reason, String productModel) {
    }

    LoanChange {
        events = List.copyOf(events);
    }

    static LoanChange of(Loan loan) {
        return new LoanChange(loan, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    LoanChange withRest(Optional<Loan> lentOn) {
        return new LoanChange(loan, lentOn, move, writtenOff, events);
    }

    LoanChange withMove(PartLine line, String from, String to, MovementReason reason, String productModel) {
        return new LoanChange(loan, rest, Optional.of(new Move(line, from, to, reason, productModel)), writtenOff,
                events);
    }

    LoanChange withWrittenOff(WrittenOff line) {
        return new LoanChange(loan, rest, move, Optional.of(line), events);
    }

    LoanChange withEvent(PartsEvent event) {
        List<PartsEvent> all = new ArrayList<>(events);
        all.add(event);
        return new LoanChange(loan, rest, move, writtenOff, all);
    }
}
