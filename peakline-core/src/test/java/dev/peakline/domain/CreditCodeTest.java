package dev.peakline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
    @Test
    void acceptsAValidCode() {
        // a code published with its check character per GB 32100
        assertThat(CreditCode.problemWith("91350100M000100Y43")).isEmpty();
        assertThat(CreditCode.checkCharacter("91520181MA6DKQ3L5")).isEqualTo('C');
    }

    @Test
    void rejectsWrongCheckCharacterLengthAndLetters() {
        assertThat(CreditCode.problemWith("91350100M000100Y44"))
                .get()
                .asString()
                .contains("check character");
        assertThat(CreditCode.problemWith("91350100M000100Y4")).get().asString().contains("18 characters");
        assertThat(CreditCode.problemWith("91350100M000100I43"))
                .get()
                .asString()
                .contains("not allowed");
        assertThat(CreditCode.problemWith("9135A100M000100Y43"))
                .get()
                .asString()
                .contains("region code");
    }
}
