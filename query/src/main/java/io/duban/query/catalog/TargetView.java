package io.duban.query.catalog;

import io.duban.command.api.TargetKind;
import org.bson.Document;

import java.math.BigDecimal;

/** A dated or recurring target read from an item's text. */
public record TargetView(TargetKind kind, String text, Integer dueYear, Integer firstYear, Integer lastYear,
                         BigDecimal amount, String amountUnit) {

    static TargetView from(Document d) {
        String kind = d.getString("kind");
        String amount = d.getString("amount");
        return new TargetView(kind == null ? null : TargetKind.valueOf(kind), d.getString("text"),
                d.getInteger("dueYear"), d.getInteger("firstYear"), d.getInteger("lastYear"),
                amount == null ? null : new BigDecimal(amount), d.getString("amountUnit"));
    }
}
