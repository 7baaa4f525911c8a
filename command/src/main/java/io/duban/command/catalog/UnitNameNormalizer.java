package io.duban.command.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a 责任单位 cell into canonical unit names. The cell abbreviates the way these documents always do: the first
 * unit carries the level (自治区财政厅) and the following ones of the same level drop it (科技厅), so they inherit it back
 * here. Units that name their own level or belong to another hierarchy (内蒙古通信管理局, 中国铁路呼和浩特局集团有限公司)
 * are taken as written. A name may wrap mid-word (自然\n资源厅), so the cell's lines are joined without a separator.
 */
final class UnitNameNormalizer {

    private static final String REGION = "自治区";
    private static final List<String> TOP_LEVEL_PREFIXES = List.of(REGION, "内蒙古", "中国", "呼和浩特", "国家");
    private static final Pattern SEPARATOR = Pattern.compile("[、，,；;]");

    List<String> canonicalNames(String cell) {
        String[] entries = SEPARATOR.split(ChineseWhitespace.removeAll(cell));
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isEmpty()) {
                names.add(entry);
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        boolean regionalList = names.get(0).startsWith(REGION);
        Set<String> canonical = new LinkedHashSet<>();
        for (String name : names) {
            canonical.add(regionalList && !hasTopLevelPrefix(name) ? REGION + name : name);
        }
        return List.copyOf(canonical);
    }

    private static boolean hasTopLevelPrefix(String name) {
        return TOP_LEVEL_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
