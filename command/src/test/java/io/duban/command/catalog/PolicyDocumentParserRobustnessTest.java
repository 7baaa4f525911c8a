package io.duban.command.catalog;

import io.duban.command.api.CommandRefusedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever an uploader sends, the parser either reads it or refuses it with a {@link CommandRefusedException}; it never
 * fails with anything else. The variants are generated from a fixed seed, so a failure can be replayed.
 */
class PolicyDocumentParserRobustnessTest {

    private static final long SEED = 20230101L;
    private static final int VARIANTS = 2_000;
    /** Characters that matter to the parser, so that garbage often looks almost right. */
    private static final String SIGNIFICANT = "\t\n\r \u3000\u00A0\uFEFF、，；。：（）〔〕一二三十0123456789号年亿元每年今后说明序号支持事项责任单位自治区厅";

    private final PolicyDocumentParser parser = new PolicyDocumentParser();
    private final String document = BundledPolicy.text();

    @Test
    void the_document_saved_by_another_editor_reads_the_same() {
        // given: Windows line ends, a BOM, full-width spaces as indentation, non-breaking spaces inside cells
        String resaved = "\uFEFF" + document
                .replace("\n\t", "\n\u3000\u3000")
                .replace("大数据中心 、", "大数据中心\u00A0、")
                .replace("\n", "\r\n");

        // when
        ParsedPolicy original = parser.parse(document);
        ParsedPolicy reread = parser.parse(resaved);

        // then
        assertThat(reread).isEqualTo(original);
        assertThat(reread.items()).hasSize(60);
    }

    @Test
    void mutated_variants_of_the_document_are_either_read_or_refused() {
        // given
        Random random = new Random(SEED);
        int read = 0;
        int refused = 0;

        for (int variant = 0; variant < VARIANTS; variant++) {
            String text = mutate(random, random.nextInt(4) == 0 ? 2 : 1);

            // when
            try {
                ParsedPolicy policy = parser.parse(text);
                // then (read): a read document is a whole one
                assertThat(policy.items()).isNotEmpty();
                read++;
            } catch (CommandRefusedException e) {
                // then (refused): always the parser's own refusal, with a message for the uploader
                assertThat(e.code()).isEqualTo("policy.unparseable");
                assertThat(e.reason()).isEqualTo(CommandRefusedException.Reason.INVALID_INPUT);
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            } catch (RuntimeException e) {
                fail("variant " + variant + " (seed " + SEED + ") failed with " + e, e);
            }
        }

        // then: the variants exercised both outcomes, so neither branch above is dead
        assertThat(read).as("variants read").isPositive();
        assertThat(refused).as("variants refused").isPositive();
        assertThat(read + refused).isEqualTo(VARIANTS);
    }

    @Test
    void a_huge_cell_near_the_size_limit_is_handled_quickly() {
        // given: one cell of about 1.5 MB made of fragments the target and note patterns start on
        String huge = document.replace("\t创建国家级乳业知识产权运营中心",
                "\t" + "每年补助1今后5年每年2023年涉及，".repeat(35_000));

        // when / then
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                parser.parse(huge);
            } catch (CommandRefusedException e) {
                assertThat(e.code()).isEqualTo("policy.unparseable");
            }
        });
    }

    private String mutate(Random random, int times) {
        String text = document;
        for (int i = 0; i < times; i++) {
            text = mutateOnce(random, text);
        }
        return text;
    }

    private String mutateOnce(Random random, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int length = text.length();
        switch (random.nextInt(11)) {
            case 0:
                return text.substring(0, random.nextInt(length + 1));
            case 1:
                Collections.shuffle(lines, random);
                return String.join("\n", lines);
            case 2: {
                int from = random.nextInt(lines.size());
                int to = Math.min(lines.size(), from + 2 + random.nextInt(8));
                Collections.shuffle(lines.subList(from, to), random);
                return String.join("\n", lines);
            }
            case 3:
                lines.remove(random.nextInt(lines.size()));
                return String.join("\n", lines);
            case 4: {
                int at = random.nextInt(lines.size());
                lines.add(at, lines.get(at));
                return String.join("\n", lines);
            }
            case 5:
                Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
                return String.join("\n", lines);
            case 6: {
                int at = random.nextInt(length + 1);
                return text.substring(0, at) + garbage(random, 1 + random.nextInt(200)) + text.substring(at);
            }
            case 7: {
                char[] chars = text.toCharArray();
                for (int n = 1 + random.nextInt(20); n > 0 && chars.length > 0; n--) {
                    chars[random.nextInt(chars.length)] = randomChar(random);
                }
                return new String(chars);
            }
            case 8:
                return garbage(random, random.nextInt(5_000));
            case 9: {
                int from = random.nextInt(length + 1);
                int to = Math.min(length, from + random.nextInt(2_000));
                return text.substring(0, from) + text.substring(to);
            }
            default: {
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                lines.set(at, line.startsWith("\t") ? line.substring(1) : "\t" + line);
                return String.join("\n", lines);
            }
        }
    }

    private static String garbage(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(randomChar(random));
        }
        return out.toString();
    }

    /** Mostly characters the parser reacts to, sometimes any UTF-16 unit at all, lone surrogates included. */
    private static char randomChar(Random random) {
        return random.nextInt(3) == 0
                ? (char) random.nextInt(Character.MAX_VALUE + 1)
                : SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length()));
    }
}
