package com.opensvc.aftersales.intake.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Groups of words and phrases that mean the same to a customer ("ac | air conditioner | aircon"). A typed word
 * matches a member when both are equal after dropping a plain English ending (-s, -ed, -ing), so "leaking" and
 * "drips" match the group "leak | drip". Deliberately cheap: no dictionary, no stemming library.
 */
public final class Synonyms {
    private final List<List<List<String>>> groups;

    private Synonyms(List<List<List<String>>> groups) {
        this.groups = groups;
    }

    public record Match(List<List<String>> group, int length) {
    }

    /** @param lines one group per line, members separated by {@code |} */
    public static Synonyms of(List<String> lines) {
        List<List<List<String>>> groups = new ArrayList<>();
        for (String line : lines) {
            List<List<String>> group = new ArrayList<>();
            for (String member : line.split("\\|")) {
                List<String> words = SearchText.words(member);
                if (!words.isEmpty() && !group.contains(words)) {
                    group.add(List.copyOf(words));
                }
            }
            if (group.size() > 1) {
                groups.add(List.copyOf(group));
            }
        }
        return new Synonyms(List.copyOf(groups));
    }

    /** The group whose longest member starts at {@code words[start]}, or null. */
    Match longestMatchAt(List<String> words, int start) {
        Match best = null;
        for (List<List<String>> group : groups) {
            for (List<String> member : group) {
                int length = member.size();
                if (start + length <= words.size() && (best == null || length > best.length())
                        && sameWords(member, words.subList(start, start + length))) {
                    best = new Match(group, length);
                }
            }
        }
        return best;
    }

    private static boolean sameWords(List<String> member, List<String> typed) {
        for (int i = 0; i < member.size(); i++) {
            if (!base(member.get(i)).equals(base(typed.get(i)))) {
                return false;
            }
        }
        return true;
    }

    static String base(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("ing") && w.length() > 5) {
            return undouble(w.substring(0, w.length() - 3));
        }
        if (w.endsWith("ed") && w.length() > 4) {
            return undouble(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** "dripp" (from "dripping") becomes "drip". */
    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "aeiou".indexOf(stem.charAt(n - 1)) < 0
                && stem.charAt(n - 1) != 'l' && stem.charAt(n - 1) != 's') {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
