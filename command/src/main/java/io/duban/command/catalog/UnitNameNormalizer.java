package io.duban.command.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a 责任单位 cell into units under their canonical names. The cell abbreviates the way these documents always do:
 * the first 自治区 body carries the level (自治区财政厅) and the following 自治区 bodies drop it (科技厅), so they
 * inherit it back here. Only 自治区 bodies inherit it: the unit list says which bodies are (组成部门, 直属机构, …) and
 * which keep a name of their own (民航内蒙古安全监管局, 中国铁路呼和浩特局集团有限公司, 包头市人民政府); a name the list
 * does not know keeps its own name when it is built like another hierarchy's ({@link OtherHierarchy}), and otherwise
 * inherits the prefix only after a 自治区 body in the same cell. Every spelling the list knows becomes the list's canonical name, so the
 * same body named two ways in two documents is one unit. A name may wrap mid-word (自然\n资源厅), so the cell's lines
 * are joined without a separator.
 */
final class UnitNameNormalizer {

    private static final String REGION = KnownUnits.REGION;
    private static final String REGION_FULL = "内蒙古自治区";
    private static final Pattern SEPARATOR = Pattern.compile("[、，,；;]");

    private final KnownUnits known;
    private final OtherHierarchy otherHierarchy;

    UnitNameNormalizer() {
        this(KnownUnits.bundled());
    }

    UnitNameNormalizer(KnownUnits known) {
        this.known = known;
        this.otherHierarchy = new OtherHierarchy(known);
    }

    List<String> canonicalNames(String cell) {
        return units(cell).stream().map(UnitName::canonicalName).toList();
    }

    /** The cell's units in order, each once (at its first position). */
    List<UnitName> units(String cell) {
        Map<String, UnitName> byCanonical = new LinkedHashMap<>();
        boolean afterRegionalBody = false;
        boolean afterOtherGovernment = false;
        for (String entry : entries(cell)) {
            UnitName unit = resolve(entry, afterRegionalBody, afterOtherGovernment);
            byCanonical.putIfAbsent(unit.canonicalName(), unit);
            // the level, once written, carries over to the short forms that follow it
            afterRegionalBody |= unit.known() ? unit.kind().regional() : unit.canonicalName().startsWith(REGION);
            afterOtherGovernment = unit.kind() == UnitKind.GOVERNMENT
                    || (!unit.known() && unit.canonicalName().endsWith("政府"));
        }
        return List.copyOf(byCanonical.values());
    }

    /** Resolves one name spelled as written, then as a short form of a 自治区 body, then by how it is built. */
    UnitName resolve(String entry, boolean afterRegionalBody, boolean afterOtherGovernment) {
        var listed = known.find(entry);
        if (listed.isPresent()) {
            return UnitName.known(listed.get(), entry);
        }
        if (entry.startsWith(REGION_FULL)) {
            return UnitName.unknown(REGION + entry.substring(REGION_FULL.length()), entry);
        }
        if (entry.startsWith(REGION)) {
            return UnitName.unknown(entry, entry);
        }
        if (!afterOtherGovernment) {
            // 科技厅 is 自治区科技厅 wherever it stands; after 包头市人民政府 a bare 教育局 would be the city's
            var inherited = known.findWithRegionPrefix(entry);
            if (inherited.isPresent()) {
                return UnitName.known(inherited.get(), entry);
            }
        }
        if (otherHierarchy.keepsItsOwnName(entry)) {
            return UnitName.unknown(entry, entry);
        }
        return UnitName.unknown(afterRegionalBody ? REGION + entry : entry, entry);
    }

    private static List<String> entries(String cell) {
        List<String> entries = new ArrayList<>();
        for (String entry : SEPARATOR.split(KnownUnits.spelling(cell))) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
