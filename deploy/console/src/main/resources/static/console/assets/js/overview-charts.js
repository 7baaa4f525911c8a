// 总览: the page's four charts. Each one's data comes from the page (data-chart, JSON written by the server and
// escaped as an attribute), so a chart shows exactly what the figures next to it show. A chart whose element is
// absent has nothing to draw (the page shows its empty state instead).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var narrow = window.matchMedia('(max-width: 640px)').matches;
  var font = getComputedStyle(document.body).fontFamily;
  var colors = { red: '#d0352b', yellow: '#e6a23c', green: '#3a9a5b', done: '#3f6fb5', none: '#c4c9d2',
                 brand: '#1d3f72', muted: '#8f959e', line: '#eef0f3' };
  var charts = [];

  function draw(id, build) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var option = build(el, data);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    option.animation = false;
    option.textStyle = { fontFamily: font };
    chart.setOption(option);
    charts.push(chart);
  }

  /** One bar per row: the height follows the number of rows so the labels stay readable. */
  function heightFor(el, rows, top) {
    el.style.height = Math.max(240, rows * 26 + top + 40) + 'px';
  }

  function categoryAxis(labels) {
    return {
      type: 'category', inverse: true, data: labels, axisTick: { show: false },
      axisLabel: { width: narrow ? 120 : 180, overflow: 'truncate', color: '#333' }
    };
  }

  var percentAxis = {
    type: 'value', min: 0, max: 100, interval: 25,
    axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: colors.line } }
  };

  // lights by unit: stacked horizontal bars, worst units first
  draw('lights-by-unit', function (el, data) {
    heightFor(el, data.units.length, 36);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 20, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: colors.line } } },
      yAxis: categoryAxis(data.units),
      series: data.series.map(function (s) {
        return {
          name: s.name, type: 'bar', stack: 'lights', barMaxWidth: 18,
          itemStyle: { color: colors[s.key] }, emphasis: { focus: 'series' }, data: s.data
        };
      })
    };
  });

  // progress by article: one bar per article, in the document's order; an article without commitments says so
  draw('progress-by-article', function (el, data) {
    heightFor(el, data.articles.length, 8);
    return {
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var i = p.dataIndex;
          var line = data.progress[i] === null ? '尚无登记的承诺' : '平均进度 ' + data.progress[i] + '%';
          return echarts.format.encodeHTML(data.articles[i]) + '<br>事项 ' + data.items[i] + ' 项 · 已登记承诺 '
            + data.commitments[i] + ' 项<br>' + line;
        }
      },
      grid: { left: 20, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: percentAxis,
      yAxis: categoryAxis(data.articles),
      series: [{
        type: 'bar', barMaxWidth: 16, itemStyle: { color: colors.brand },
        label: { show: true, position: 'right', color: '#333' },
        data: data.progress.map(function (v) {
          return v === null
            ? { value: 0, label: { formatter: '尚无承诺', color: colors.muted } }
            : { value: v, label: { formatter: v + '%' } };
        })
      }]
    };
  });

  // the overdue count over time: due dates and commitments overdue at each day's end
  draw('overdue-trend', function (el, data) {
    el.style.height = (narrow ? 240 : 280) + 'px';
    return {
      tooltip: { trigger: 'axis', confine: true },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 12, right: 20, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category', boundaryGap: false, data: data.days,
        axisLabel: { formatter: function (d) { return d.slice(5).replace('-', '/'); }, hideOverlap: true }
      },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: colors.line } } },
      series: [
        { name: '逾期节点', type: 'line', symbol: data.days.length > 45 ? 'none' : 'circle', data: data.dueDates,
          lineStyle: { color: colors.red, width: 2 }, itemStyle: { color: colors.red },
          areaStyle: { color: 'rgba(208, 53, 43, 0.12)' } },
        { name: '涉及承诺', type: 'line', symbol: data.days.length > 45 ? 'none' : 'circle', data: data.commitments,
          lineStyle: { color: colors.yellow, width: 2, type: 'dashed' }, itemStyle: { color: colors.yellow } }
      ]
    };
  });

  // on-time rate by unit: the lowest first; red below 60 %, yellow below 90 %
  draw('on-time-by-unit', function (el, data) {
    heightFor(el, data.units.length, 8);
    return {
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var i = p.dataIndex;
          return echarts.format.encodeHTML(data.units[i]) + '<br>按期完成 ' + data.onTime[i] + ' / 到期 ' + data.due[i]
            + '<br>逾期完成 ' + data.late[i] + ' · 逾期未完成 ' + data.overdue[i];
        }
      },
      grid: { left: 20, right: 72, top: 8, bottom: 8, containLabel: true },
      xAxis: percentAxis,
      yAxis: categoryAxis(data.units),
      series: [{
        type: 'bar', barMaxWidth: 16,
        label: {
          show: true, position: 'right', color: '#333',
          formatter: function (p) { return p.value + '%（' + data.onTime[p.dataIndex] + '/' + data.due[p.dataIndex] + '）'; }
        },
        itemStyle: {
          color: function (p) { return p.value < 60 ? colors.red : p.value < 90 ? colors.yellow : colors.green; }
        },
        data: data.rate
      }]
    };
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
