package io.duban.command.catalog;

/**
 * One row of 重点支持事项清单 with its three cells.
 *
 * @param number the 序号
 * @param item   the 支持事项 cell
 * @param units  the 责任单位 cell
 */
record TableRow(int number, TableCell item, TableCell units) {
}
