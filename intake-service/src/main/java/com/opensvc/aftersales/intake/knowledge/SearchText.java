package com.opensvc.aftersales.intake.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the desk typed into PostgreSQL {@code tsquery} text (INT-09). Only runs of letters and digits survive,
 * so no tsquery operator, quote or label from the input ever reaches {@code to_tsquery}; the result is still bound
 * as a parameter, never concatenated into SQL. Words of three letters or more match as prefixes ("compres" finds
 * "compressor"); {@code to_tsquery('english', ...)} then stems them and drops stop words. A word or phrase of a
 * synonym group becomes an OR group of all its members ("ac" finds "air conditioner").
 *
 * @param words     the sanitised words, in the order typed
 * @param allTerms  every term must match ({@code &}), or empty when nothing searchable was typed
 * @param anyTerms  any term may match ({@code |}): the fallback when no article has them all
 */
public record SearchText(List<String> words, String allTerms, String anyTerms) {
    static final int MAX_WORDS = 12;
    static final int MAX_WORD_LENGTH = 40;
    static final int MIN_PREFIX_LENGTH = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The words joined by spaces, for trigram similarity. */
    public String plain() {
        return String.join(" ", words);
    }

    public static SearchText parse(String input, Synonyms synonyms) {
        List<String> words = words(input);
        List<String> terms = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Synonyms.Match match = synonyms.longestMatchAt(words, i);
            if (match == null) {
                terms.add(term(List.of(words.get(i))));
                i++;
            } else {
                Set<String> alternatives = new LinkedHashSet<>();
                alternatives.add(term(words.subList(i, i + match.length())));
                match.group().forEach(phrase -> alternatives.add(term(phrase)));
                terms.add(alternatives.size() == 1 ? alternatives.iterator().next()
                        : "(" + String.join(" | ", alternatives) + ")");
                i += match.length();
            }
        }
        return new SearchText(List.copyOf(words), String.join(" & ", terms), String.join(" | ", terms));
    }

    /** Lower-cased runs of letters and digits; over-long words are cut, extra words ignored. */
    static List<String> words(String input) {
        List<String> words = new ArrayList<>();
        if (input == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(input.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            String word = matcher.group();
            words.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
        }
        return words;
    }

    /** One word as {@code word:*} (or exact when short); several as a phrase whose last word is a prefix. */
    private static String term(List<String> phrase) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < phrase.size(); i++) {
            String word = phrase.get(i);
            boolean last = i == phrase.size() - 1;
            parts.add(last && word.length() >= MIN_PREFIX_LENGTH ? word + ":*" : word);
        }
        return parts.size() == 1 ? parts.getFirst() : "(" + String.join(" <-> ", parts) + ")";
    }
}
