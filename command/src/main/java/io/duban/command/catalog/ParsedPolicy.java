package io.duban.command.catalog;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;

import java.util.List;

/**
 * What {@link PolicyDocumentParser} read from a policy document.
 *
 * @param documentNumber     e.g. 内政发〔2023〕1号
 * @param title              e.g. 内蒙古自治区人民政府关于支持呼和浩特市高质量发展的意见
 * @param year               the year in the document number
 * @param items              the appendix rows, in order
 * @param coResponsibleUnits units the note under the table makes responsible for every item
 */
public record ParsedPolicy(String documentNumber, String title, int year, List<SupportItem> items,
                           List<ResponsibleUnit> coResponsibleUnits) {

    public ParsedPolicy {
        items = List.copyOf(items);
        coResponsibleUnits = List.copyOf(coResponsibleUnits);
    }
}
