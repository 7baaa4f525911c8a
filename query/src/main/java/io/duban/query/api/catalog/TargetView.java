package io.duban.query.api.catalog;

import io.duban.command.api.TargetKind;

import java.math.BigDecimal;

/** A dated or recurring target read from an item's text. */
public record TargetView(TargetKind kind, String text, Integer dueYear, Integer firstYear, Integer lastYear,
                         BigDecimal amount, String amountUnit) {
}
