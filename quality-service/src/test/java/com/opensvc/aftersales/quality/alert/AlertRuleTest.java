package com.opensvc.aftersales.quality.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.StateConflictException;

class AlertRuleTest {
    private static final AlertRule DEFAULT = new AlertRule(null, 30, 5, new BigDecimal("0.02"), null, null, 0);

    @Test
    @DisplayName("QLT-06 the count must EXCEED the threshold: N−1 and N raise nothing, N+1 does")
    void QLT06_countExceedsTheThreshold() {
        assertThat(DEFAULT.assess(4, 0, 50).exceeded()).isFalse();
        assertThat(DEFAULT.assess(5, 0, 50).exceeded()).isFalse();
        assertThat(DEFAULT.assess(6, 0, 50).basis()).isEqualTo(AlertBasis.COUNT);
    }

    @Test
    @DisplayName("QLT-06 the rate counts only where the installed base reaches the minimum, and must exceed the threshold exactly")
    void QLT06_rateOverTheInstalledBase() {
        // 2 % of 100 = 2: 2 failures are not above it, 3 are
        assertThat(DEFAULT.assess(2, 100, 50).exceeded()).isFalse();
        AlertRule.Assessment three = DEFAULT.assess(3, 100, 50);
        assertThat(three.basis()).isEqualTo(AlertBasis.RATE);
        assertThat(three.rate()).isEqualByComparingTo("0.03");
        // below the minimum installed base the rate does not apply at all
        AlertRule.Assessment small = DEFAULT.assess(3, 49, 50);
        assertThat(small.exceeded()).isFalse();
        assertThat(small.rate()).isNull();
        // exactly: 1 of 3 is above 0.333333 even though the reported rate rounds to it
        AlertRule third = new AlertRule("M", 30, 100, new BigDecimal("0.333333"), null, null, 0);
        assertThat(third.assess(1, 3, 1).basis()).isEqualTo(AlertBasis.RATE);
        // no rate rule: the count alone
        AlertRule countOnly = new AlertRule("M", 30, 5, null, null, null, 0);
        assertThat(countOnly.assess(5, 100, 50).exceeded()).isFalse();
        // both exceeded: COUNT
        assertThat(DEFAULT.assess(6, 100, 50).basis()).isEqualTo(AlertBasis.COUNT);
    }

    @Test
    @DisplayName("QLT-06 a window is 1 to 366 whole days")
    void QLT06_windowOfWholeDays() {
        assertThat(AlertRule.wholeDays(Duration.parse("P30D"))).isEqualTo(30);
        assertThat(AlertRule.wholeDays(Duration.ofHours(48))).isEqualTo(2);
        assertThatThrownBy(() -> AlertRule.wholeDays(Duration.ofHours(36))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertRule.wholeDays(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertRule.wholeDays(Duration.ofDays(367))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("QLT-06 an alert is acknowledged once while raised; a cleared one is not acknowledged")
    void QLT06_alertStates() {
        assertThat(AlertState.RAISED.canBecome(AlertState.ACKNOWLEDGED)).isTrue();
        assertThat(AlertState.ACKNOWLEDGED.canBecome(AlertState.CLEARED)).isTrue();
        assertThat(AlertState.ACKNOWLEDGED.open()).isTrue();
        assertThat(AlertState.CLEARED.open()).isFalse();
        assertThatThrownBy(() -> AlertState.CLEARED.requireTransitionTo(AlertState.ACKNOWLEDGED, "acknowledge it"))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> AlertState.ACKNOWLEDGED.requireTransitionTo(AlertState.ACKNOWLEDGED, "acknowledge it"))
                .isInstanceOf(StateConflictException.class);
    }
}
