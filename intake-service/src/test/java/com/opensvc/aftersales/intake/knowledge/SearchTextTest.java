package com.opensvc.aftersales.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchTextTest {
    private static final Synonyms SYNONYMS = Synonyms.of(List.of("ac | air conditioner | aircon", "leak | drip"));

    @Test
    @DisplayName("INT-09 tsquery operators, quotes and labels in the input never reach the tsquery")
    void INT09_operatorsAreDropped() {
        SearchText text = SearchText.parse("foo & | ! ( ':* <-> bar:A \\ '; DROP TABLE x; --", SYNONYMS);

        assertThat(text.words()).containsExactly("foo", "bar", "a", "drop", "table", "x");
        assertThat(text.allTerms()).isEqualTo("foo:* & bar:* & a & drop:* & table:* & x");
        assertThat(text.allTerms() + text.anyTerms()).doesNotContain("!", "'", "\\", ";", "--");
        assertThat(SearchText.parse("&|!():*'", SYNONYMS).isEmpty()).isTrue();
        assertThat(SearchText.parse(null, SYNONYMS).allTerms()).isEmpty();
    }

    @Test
    @DisplayName("INT-09 words of three letters or more are prefixes; AND first, OR as the fallback")
    void INT09_prefixAndFallback() {
        SearchText text = SearchText.parse("Compres does NOT cool", SYNONYMS);

        assertThat(text.allTerms()).isEqualTo("compres:* & does:* & not:* & cool:*");
        assertThat(text.anyTerms()).isEqualTo("compres:* | does:* | not:* | cool:*");
        assertThat(SearchText.parse("e4 error", SYNONYMS).allTerms()).isEqualTo("e4 & error:*");
    }

    @Test
    @DisplayName("INT-09 a synonym, single word or phrase, becomes an OR group of its members")
    void INT09_synonymGroups() {
        assertThat(SearchText.parse("AC leaking", SYNONYMS).allTerms())
                .isEqualTo("(ac | (air <-> conditioner:*) | aircon:*) & (leaking:* | leak:* | drip:*)");
        assertThat(SearchText.parse("air conditioner drips", SYNONYMS).allTerms())
                .isEqualTo("((air <-> conditioner:*) | ac | aircon:*) & (drips:* | leak:* | drip:*)");
        assertThat(SearchText.parse("air filter", SYNONYMS).allTerms()).isEqualTo("air:* & filter:*");
    }

    @Test
    @DisplayName("INT-09 long input is bounded: at most 12 words of at most 40 characters")
    void INT09_bounded() {
        SearchText text = SearchText.parse("w ".repeat(50) + "x".repeat(100), SYNONYMS);
        assertThat(text.words()).hasSize(SearchText.MAX_WORDS);
        assertThat(SearchText.parse("y".repeat(100), SYNONYMS).words().getFirst()).hasSize(SearchText.MAX_WORD_LENGTH);
    }

    @Test
    @DisplayName("INT-09 cheap synonym matching drops plain English endings")
    void INT09_synonymBase() {
        assertThat(Synonyms.base("leaking")).isEqualTo("leak");
        assertThat(Synonyms.base("dripping")).isEqualTo("drip");
        assertThat(Synonyms.base("drips")).isEqualTo("drip");
        assertThat(Synonyms.base("leaked")).isEqualTo("leak");
        assertThat(Synonyms.base("glass")).isEqualTo("glass");
        assertThat(Synonyms.base("ac")).isEqualTo("ac");
    }
}
