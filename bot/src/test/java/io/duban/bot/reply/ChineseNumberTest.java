package io.duban.bot.reply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNumberTest {

    @ParameterizedTest
    @CsvSource({"零,0", "五,5", "十,10", "十五,15", "八十,80", "八十五,85", "两,2", "九十九,99", "百,100", "一百,100",
            "一百零五,105", "一百二十,120"})
    void reads_small_numerals(String text, int expected) {
        assertThat(ChineseNumber.parse(text)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "八八", "十十", "百百", "五十五十", "abc", "一千"})
    void refuses_irregular_ones(String text) {
        assertThat(ChineseNumber.parse(text)).isEmpty();
    }
}
