package dev.peakline.domain;

import java.util.Locale;
import java.util.Optional;

/** A constant with a code (as files and the API write it) and a Chinese name (as the pages and Chinese files do). */
public interface Coded {
    String code();

    String chinese();

    /** The constant of {@code type} whose code (case and spaces ignored) or Chinese name {@code text} is. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (lower.equals(e.code()) || t.equals(e.chinese())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
