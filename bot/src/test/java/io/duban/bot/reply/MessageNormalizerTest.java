package io.duban.bot.reply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessageNormalizerTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("＃３１　进度８０％", "#31 进度80%"),
                Arguments.of(" #31 进度 80% ", "#31 进度 80%"),
                Arguments.of("原因：审批流程长，已协调。", "原因:审批流程长,已协调."),
                Arguments.of("资金、土地；“急”", "资金,土地;\"急\""),
                Arguments.of("进\u200B度\u200D８\uFEFF０\u200F％", "进度80%"),
                Arguments.of("a\u0000b\u0007c\u001Bd", "abcd"),
                Arguments.of("line1\r\nline2\tline3\u2028end", "line1 line2 line3 end"),
                Arguments.of("\u00A0\u3000\u2003x\u00A0\u00A0y", "x y"),
                Arguments.of("lone \uD800 surrogate \uDC00 here", "lone surrogate here"),
                Arguments.of("😀 #31", "😀 #31"),
                Arguments.of("〔2023〕【急】", "[2023][急]"),
                Arguments.of(null, ""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("cases")
    void folds_what_phones_type_into_one_form(String input, String expected) {
        assertThat(MessageNormalizer.normalize(input)).isEqualTo(expected);
    }
}
