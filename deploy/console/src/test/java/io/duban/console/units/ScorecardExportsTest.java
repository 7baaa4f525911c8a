package io.duban.console.units;

import io.duban.query.api.light.LightColor;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.api.scorecard.Scorecard.UnitScore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV and the Excel export of a scorecard say the same, and user text cannot become a formula or markup. */
class ScorecardExportsTest {

    private final Scorecard card = new Scorecard(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            LocalDate.of(2026, 12, 2), List.of(
            new UnitScore(1, "u1", "自治区财政厅", 72.5, 4, 3, 1, 0, 6, 6, 3, 2, 1, 0, 2, 1, 1, 1,
                    Map.of(LightColor.GREEN, 3, LightColor.RED, 1)),
            new UnitScore(0, "u2", "=HYPERLINK(\"x\") <b>&", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of())));

    @Test
    void theCsvHasTheRuleTheHeaderAndOneRowPerUnit() {
        String csv = ScorecardTable.csv(card);

        assertThat(csv).startsWith("\uFEFF考核期间,2026-01-01 至 2026-12-31,统计日期,2026-12-02\r\n");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(1)).startsWith("评分规则,").contains("得分 = 60");
        assertThat(lines.get(2)).startsWith("排名,责任单位,得分,");
        assertThat(lines.get(3)).isEqualTo("1,自治区财政厅,72.5,4,3,1,0,6,6,3,2,1,0,2,1,1,1,1,0,3,0,0");
        assertThat(lines.get(4)).startsWith("不参与排名,\"'=HYPERLINK(\"\"x\"\") <b>&\",,0,");
    }

    @Test
    void theWorkbookIsAZipOfTheFivePartsWithNumbersAsNumbersAndTextEscaped() throws IOException {
        byte[] xlsx = MinimalXlsx.of("考核评价", ScorecardTable.rows(card));

        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(parts).containsOnlyKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml");
        assertThat(parts.get("xl/workbook.xml")).contains("<sheet name=\"考核评价\"");
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<c r=\"C4\"><v>72.5</v></c>")
                .contains("<c r=\"B4\" t=\"inlineStr\"><is><t>自治区财政厅</t></is></c>")
                .contains("=HYPERLINK(&quot;x&quot;) &lt;b&gt;&amp;")
                .doesNotContain("<b>");
        assertThat(MinimalXlsx.column(0)).isEqualTo("A");
        assertThat(MinimalXlsx.column(25)).isEqualTo("Z");
        assertThat(MinimalXlsx.column(26)).isEqualTo("AA");
    }
}
