// 承诺: the plan on a time axis (each milestone's original and current date, the final due date, today) and the
// progress reported over time with the linear plan. The data is the page's (data-chart on #plan-chart, JSON written
// by the server and escaped as an attribute), so the charts show what the tables show.
(function () {
  'use strict';
  var planEl = document.getElementById('plan-chart');
  var progressEl = document.getElementById('progress-chart');
  if (!planEl || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(planEl.getAttribute('data-chart'));
  var font = getComputedStyle(document.body).fontFamily;
  var narrow = window.matchMedia('(max-width: 640px)').matches;
  var colors = { done: '#3f6fb5', red: '#d0352b', open: '#1d3f72', original: '#a0a6b0', plan: '#b8892f' };

  // one row per milestone, the final due date last
  var rows = data.milestones.map(function (m) { return m.id; });
  rows.push('总体时限');
  var labels = {};
  data.milestones.forEach(function (m) { labels[m.id] = m.id + ' ' + m.title; });
  labels['总体时限'] = '总体完成时限';

  var current = data.milestones.map(function (m) {
    var color = m.completed ? colors.done : (m.overdue ? colors.red : colors.open);
    return { value: [m.current, m.id], itemStyle: { color: color }, title: labels[m.id],
             state: m.completed ? '已完成' : (m.overdue ? '已逾期' : '未完成') };
  });
  current.push({ value: [data.due, '总体时限'], itemStyle: { color: colors.plan }, symbol: 'diamond',
                 symbolSize: 16, title: '总体完成时限', state: '' });
  var original = data.milestones.filter(function (m) { return m.original && m.original !== m.current; })
    .map(function (m) { return { value: [m.original, m.id], title: labels[m.id] }; });
  if (data.originalDue !== data.due) {
    original.push({ value: [data.originalDue, '总体时限'], title: '总体完成时限' });
  }
  var moves = data.milestones.filter(function (m) { return m.original && m.original !== m.current; })
    .map(function (m) { return [[m.original, m.id], [m.current, m.id]]; });
  if (data.originalDue !== data.due) {
    moves.push([[data.originalDue, '总体时限'], [data.due, '总体时限']]);
  }

  // one line per row, so titles stay readable however many milestones there are
  planEl.style.height = Math.max(200, rows.length * 34 + 70) + 'px';
  var plan = echarts.init(planEl, null, { renderer: 'canvas' });
  plan.setOption({
    animation: false,
    textStyle: { fontFamily: font },
    tooltip: {
      trigger: 'item', confine: true,
      formatter: function (p) {
        var d = p.data || {};
        var kind = p.seriesName === '原定日期' ? '原定' : '现定';
        return echarts.format.encodeHTML((d.title || '') + ' · ' + kind + ' ' + p.value[0] + (d.state ? ' · ' + d.state : ''));
      }
    },
    legend: { top: 0, itemWidth: 12, itemHeight: 10, data: ['现定日期', '原定日期'] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'time', min: data.start, max: data.due > data.today ? undefined : data.today,
             splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: rows, inverse: true, axisTick: { show: false },
             axisLabel: { width: narrow ? 90 : 160, overflow: 'truncate', color: '#333',
                          formatter: function (id) { return labels[id] || id; } } },
    series: [
      { name: '现定日期', type: 'scatter', symbolSize: 13, data: current, z: 3,
        // the category axis runs top-down, so the line's start is at the top, by the legend
        markLine: { silent: true, symbol: 'none', label: { formatter: '今天', color: '#d0352b', position: 'start' },
                    lineStyle: { color: '#d0352b', type: 'dashed' }, data: [{ xAxis: data.today }] } },
      { name: '原定日期', type: 'scatter', symbolSize: 11, symbol: 'emptyCircle', data: original, z: 2,
        itemStyle: { color: colors.original } }
    ].concat(moves.map(function (segment) {
      return { type: 'line', data: segment, symbol: 'none', silent: true, z: 1,
               lineStyle: { color: colors.original, type: 'dotted', width: 2 } };
    }))
  });

  var points = data.progress.slice();
  if (points.length > 0) {
    var last = points[points.length - 1];
    if (last[0].substring(0, 10) < data.today) {
      // the last report holds until now
      points.push([data.today + 'T12:00:00', last[1]]);
    }
  }
  var progress = echarts.init(progressEl, null, { renderer: 'canvas' });
  progress.setOption({
    animation: false,
    textStyle: { fontFamily: font },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: function (v) { return v + '%'; } },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, data: ['报告进度', '计划进度'] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'time', min: data.start, max: data.due, splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' },
             splitLine: { lineStyle: { color: '#eef0f3' } } },
    series: [
      { name: '报告进度', type: 'line', step: 'end', data: points, symbolSize: 7, showAllSymbol: true,
        lineStyle: { width: 3, color: colors.open }, itemStyle: { color: colors.open },
        areaStyle: { color: 'rgba(29, 63, 114, 0.10)' },
        markLine: { silent: true, symbol: 'none', label: { formatter: '今天', color: '#d0352b' },
                    lineStyle: { color: '#d0352b', type: 'dashed' }, data: [{ xAxis: data.today }] } },
      { name: '计划进度', type: 'line', data: [[data.start, 0], [data.due, 100]], symbol: 'none',
        lineStyle: { type: 'dashed', color: colors.plan, width: 2 }, itemStyle: { color: colors.plan } }
    ]
  });
  window.addEventListener('resize', function () { plan.resize(); progress.resize(); });
})();
