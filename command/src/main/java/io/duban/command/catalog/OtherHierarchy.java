package io.duban.command.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises, by how its name is built, a body the unit list does not know but that is plainly not a 自治区 body and so
 * must keep its own name: a regional office of a central body (民航…, …海关, 国家…局…, 中国人民银行…,
 * 国家金融监督管理总局…监管局, …证监局), a state-owned enterprise (中国铁路…, 国网…, 内蒙古…集团, …有限公司), or another
 * government and its departments (…市人民政府, …盟行政公署, 市交通运输局).
 */
final class OtherHierarchy {

    private static final List<String> PREFIXES = List.of("内蒙古", "中国", "中华人民共和国", "中共", "共青团", "国家", "国网",
            "国务院", "民航", "人民银行", "全国", "华北", "呼和浩特");
    private static final Pattern SUFFIX = Pattern.compile(
            ".*(海关|证监局|调查总队|公司|集团|人民政府|行政公署|政府|分行|支行|银行|分局)");
    private static final Pattern CONTAINS = Pattern.compile(
            ".*(集团|有限公司|有限责任公司|股份公司|[市盟旗县区]人民政府|盟行政公署).*");
    /** The document's lower levels written without a place: 市交通运输局, 旗人民政府. */
    private static final Pattern LOWER_LEVEL = Pattern.compile("[市盟旗县区].+");

    private final KnownUnits known;

    OtherHierarchy(KnownUnits known) {
        this.known = known;
    }

    boolean keepsItsOwnName(String name) {
        if (PREFIXES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        if (SUFFIX.matcher(name).matches() || CONTAINS.matcher(name).matches() || LOWER_LEVEL.matcher(name).matches()) {
            return true;
        }
        // a department of a 盟市 government the list knows by its place name: 包头市教育局, 兴安盟财政局
        return known.all().stream()
                .filter(u -> u.kind() == UnitKind.GOVERNMENT)
                .flatMap(u -> u.aliases().stream())
                .filter(alias -> alias.endsWith("市") || alias.endsWith("盟"))
                .anyMatch(name::startsWith);
    }
}
