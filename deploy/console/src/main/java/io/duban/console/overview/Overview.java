package io.duban.console.overview;

import java.time.LocalDate;

/**
 * What 总览 shows, read once per page view; each part is built by its own class from one query's answer.
 *
 * @param onTimeFrom the period of the on-time rates: this year, as 单位与考核 shows it by default
 */
public record Overview(LocalDate today, LightSummary lights, DueLists due, PendingDecisions decisions, OpenIssues issues,
                QuarterReports reports, Chart progressByArticle, TrendPeriod trendPeriod, OverdueTrend trend,
                Chart onTimeByUnit, LocalDate onTimeFrom, LocalDate onTimeTo) {
}
