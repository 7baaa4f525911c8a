package io.duban.command.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the note under the table that makes one unit responsible for every item without listing it in any row, e.g.
 * 说明：因每项任务均涉及呼和浩特市，在责任单位中未单独列出。 The note names a place; the responsible unit is its
 * government (呼和浩特市 → 呼和浩特市人民政府, 兴安盟 → 兴安盟行政公署).
 */
final class CoResponsibleNote {

    private static final Pattern NOTE = Pattern.compile(
            "(?:每项|各项|所有|全部)(?:任务|事项)(?:均|都)?涉及([^，,；;。：:]{1,30})[，,；;].{0,40}?未(?:单独|另行)?列出");

    Optional<String> unitName(String note) {
        Matcher m = NOTE.matcher(ChineseWhitespace.removeAll(note));
        if (!m.find()) {
            return Optional.empty();
        }
        String place = m.group(1);
        if (place.endsWith("政府") || place.endsWith("行政公署")) {
            return Optional.of(place);
        }
        // a 盟's government is its 行政公署, a city's its 人民政府
        return Optional.of(place + (place.endsWith("盟") ? "行政公署" : "人民政府"));
    }
}
