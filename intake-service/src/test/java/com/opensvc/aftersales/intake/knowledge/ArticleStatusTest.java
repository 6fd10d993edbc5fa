package com.opensvc.aftersales.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.StateConflictException;

class ArticleStatusTest {
    @Test
    @DisplayName("INT-09 SEC-05 articles are drafted, published and retired (never deleted); retired ones can return")
    void INT09_statusTransitions() {
        assertThat(ArticleStatus.DRAFT.canBecome(ArticleStatus.PUBLISHED)).isTrue();
        assertThat(ArticleStatus.PUBLISHED.canBecome(ArticleStatus.RETIRED)).isTrue();
        assertThat(ArticleStatus.RETIRED.canBecome(ArticleStatus.PUBLISHED)).isTrue();
        assertThat(ArticleStatus.PUBLISHED.canBecome(ArticleStatus.DRAFT)).isFalse();
        assertThatThrownBy(() -> ArticleStatus.RETIRED.requireTransitionTo(ArticleStatus.RETIRED))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(ArticleStatus.RETIRED::requireEditable).isInstanceOf(StateConflictException.class);
    }
}
