// 总览: lights by unit as stacked horizontal bars. The data comes from the page (data-chart, JSON written by the
// server and escaped as an attribute), so the chart shows exactly what the counts above it show.
(function () {
  'use strict';
  var el = document.getElementById('lights-by-unit');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-chart'));
  var colors = { red: '#d0352b', yellow: '#e6a23c', green: '#3a9a5b', done: '#3f6fb5', none: '#c4c9d2' };
  // one bar per unit: the height follows the number of units so names stay readable
  el.style.height = Math.max(240, data.units.length * 26 + 80) + 'px';
  var narrow = window.matchMedia('(max-width: 640px)').matches;
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 20, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: {
      type: 'category', inverse: true, data: data.units,
      axisTick: { show: false },
      axisLabel: { width: narrow ? 96 : 180, overflow: 'truncate', color: '#333' }
    },
    series: data.series.map(function (s) {
      return {
        name: s.name, type: 'bar', stack: 'lights', barMaxWidth: 18,
        itemStyle: { color: colors[s.key] }, emphasis: { focus: 'series' }, data: s.data
      };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
