package com.opensvc.aftersales.intake.pending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.InvalidFieldException;

@DisplayName("INT-14 the monthly contact round by the 4th")
class ContactRoundTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    @DisplayName("INT14_ the round of November covers October's ledger and is due by 4 November")
    void INT14_roundCoversPreviousMonth() {
        assertThat(ContactRound.ledgerMonth(NOVEMBER)).isEqualTo(YearMonth.of(2026, 10));
        assertThat(ContactRound.roundFor(YearMonth.of(2026, 10))).isEqualTo(NOVEMBER);
        assertThat(ContactRound.dueBy(NOVEMBER)).isEqualTo(LocalDate.of(2026, 11, 4));
    }

    @Test
    @DisplayName("INT14_ an uncontacted customer is in time on the 3rd and the 4th, overdue from the 5th; a contacted one never")
    void INT14_overdueFromTheFifth() {
        assertThat(ContactRound.overdue(NOVEMBER, LocalDate.of(2026, 11, 3), false)).isFalse();
        assertThat(ContactRound.overdue(NOVEMBER, LocalDate.of(2026, 11, 4), false)).isFalse();
        assertThat(ContactRound.overdue(NOVEMBER, LocalDate.of(2026, 11, 5), false)).isTrue();
        assertThat(ContactRound.overdue(NOVEMBER, LocalDate.of(2026, 12, 20), false)).isTrue();
        assertThat(ContactRound.overdue(NOVEMBER, LocalDate.of(2026, 11, 5), true)).isFalse();
        assertThat(ContactRound.overdue(NOVEMBER, LocalDate.of(2026, 10, 31), false)).as("before the round month").isFalse();

        assertThat(ContactRound.contactedLate(NOVEMBER, LocalDate.of(2026, 11, 4))).isFalse();
        assertThat(ContactRound.contactedLate(NOVEMBER, LocalDate.of(2026, 11, 5))).isTrue();
    }

    @Test
    @DisplayName("INT14_ year boundary: December's ledger is contacted in January's round of the next year")
    void INT14_decemberToJanuary() {
        YearMonth january = ContactRound.roundFor(YearMonth.of(2026, 12));
        assertThat(january).isEqualTo(YearMonth.of(2027, 1));
        assertThat(ContactRound.ledgerMonth(YearMonth.of(2027, 1))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(ContactRound.dueBy(january)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(ContactRound.overdue(january, LocalDate.of(2027, 1, 4), false)).isFalse();
        assertThat(ContactRound.overdue(january, LocalDate.of(2027, 1, 5), false)).isTrue();
        assertThat(ContactRound.overdue(january, LocalDate.of(2026, 12, 31), false)).isFalse();
        assertThat(ContactRound.open(january, LocalDate.of(2026, 12, 1))).as("December's ledger has begun").isTrue();
        assertThat(ContactRound.open(january, LocalDate.of(2026, 11, 30))).isFalse();
    }

    @Test
    @DisplayName("INT14_ overdue rounds: those past their 4th since the first ledger month, newest first")
    void INT14_roundsPastDeadline() {
        YearMonth firstLedger = YearMonth.of(2026, 10);
        assertThat(ContactRound.roundsPastDeadline(firstLedger, LocalDate.of(2026, 11, 4))).isEmpty();
        assertThat(ContactRound.roundsPastDeadline(firstLedger, LocalDate.of(2026, 11, 5))).containsExactly(NOVEMBER);
        assertThat(ContactRound.roundsPastDeadline(firstLedger, LocalDate.of(2027, 1, 3)))
                .containsExactly(YearMonth.of(2026, 12), NOVEMBER);
        assertThat(ContactRound.roundsPastDeadline(firstLedger, LocalDate.of(2027, 1, 5)))
                .containsExactly(YearMonth.of(2027, 1), YearMonth.of(2026, 12), NOVEMBER);
        assertThat(ContactRound.roundsPastDeadline(YearMonth.of(2000, 1), LocalDate.of(2027, 1, 5)))
                .hasSize(ContactRound.MAX_ROUNDS_LOOKED_BACK);
    }

    @Test
    @DisplayName("INT14_ an entry is on every month's ledger from its approval to its resolution")
    void INT14_onLedger() {
        YearMonth sep = YearMonth.of(2026, 9);
        YearMonth oct = YearMonth.of(2026, 10);
        assertThat(ContactRound.onLedger(oct, sep, null)).as("still open, carried over").isTrue();
        assertThat(ContactRound.onLedger(oct, oct, oct)).isTrue();
        assertThat(ContactRound.onLedger(oct, sep, sep)).as("resolved before October").isFalse();
        assertThat(ContactRound.onLedger(sep, oct, null)).as("approved after September").isFalse();
    }

    @Test
    @DisplayName("INT14_ months: 2026-10 parses, 2026-13 and other shapes are refused naming the field; bounds in the company zone")
    void INT14_months() {
        assertThat(Months.parse("month", "2026-10")).isEqualTo(YearMonth.of(2026, 10));
        assertThatThrownBy(() -> Months.parse("month", "2026-13")).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.errors()).singleElement().extracting(InvalidFieldException.FieldError::field).isEqualTo("month"));
        assertThatThrownBy(() -> Months.parse("roundMonth", "10/2026")).isInstanceOf(InvalidFieldException.class);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(Months.start(YearMonth.of(2026, 11), shanghai)).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(Months.of(Instant.parse("2026-10-31T16:30:00Z"), shanghai)).isEqualTo(YearMonth.of(2026, 11));
    }
}
