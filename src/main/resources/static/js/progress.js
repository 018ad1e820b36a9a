// Draws the progress dashboard's charts from the JSON the page carries (#chart-data).
// Tooltips render on the canvas (richText): the page's CSP allows no inline styles.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  var COLOURS = { GREEN: '#198754', AMBER: '#ffc107', RED: '#dc3545', NONE: '#adb5bd' };

  function chart(id, option, rows) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var data = JSON.parse(document.getElementById('chart-data').textContent);
    var c = window.echarts.init(el, null, { locale: data.locale, renderer: 'canvas' });
    option.tooltip = Object.assign({ trigger: 'axis', renderMode: 'richText' }, option.tooltip || {});
    option.animation = false;
    c.setOption(option);
    // Every bar leads to what it counts.
    c.on('click', function (p) {
      var row = rows && rows[p.dataIndex];
      if (row && row.href) { window.location.href = row.href; }
    });
    window.addEventListener('resize', function () { c.resize(); });
    el.dataset.rendered = 'true';
  }

  ready(function () {
    var holder = document.getElementById('chart-data');
    if (!holder) { return; }
    var d = JSON.parse(holder.textContent);
    var L = d.labels;
    var lines = d.lines.slice().reverse();
    chart('chart-lines', {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { data: [L.share, L.due], top: 0 },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: lines.map(function (r) { return r.name; }),
               axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { name: L.share, type: 'bar', data: lines.map(function (r) {
            return { value: r.share === null ? 0 : r.share, itemStyle: { color: COLOURS[r.status] } }; }) },
        { name: L.due, type: 'scatter', symbol: 'diamond', symbolSize: 10, itemStyle: { color: '#212529' },
          data: lines.map(function (r) { return r.due; }) }
      ]
    }, lines);
    chart('chart-cities', {
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { data: [L.done, L.target], top: 0 },
      xAxis: { type: 'category', data: d.cities.map(function (r) { return r.name; }),
               axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: L.done, type: 'bar', data: d.cities.map(function (r) {
            return { value: r.done, itemStyle: { color: COLOURS[r.status] } }; }) },
        { name: L.target, type: 'bar', itemStyle: { color: '#ced4da' },
          data: d.cities.map(function (r) { return r.target; }) }
      ]
    }, d.cities);
    chart('chart-months', {
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { data: [L.thisYear, L.lastYear], top: 0 },
      xAxis: { type: 'category', data: d.months.map(function (r) { return r.name; }) },
      yAxis: { type: 'value' },
      series: [
        { name: L.thisYear, type: 'bar', itemStyle: { color: '#0d6efd' },
          data: d.months.map(function (r) { return r.done; }) },
        { name: L.lastYear, type: 'line', itemStyle: { color: '#6c757d' },
          data: d.months.map(function (r) { return r.lastYear; }) }
      ]
    }, d.months);
    var groups = d.groups.slice().reverse();
    chart('chart-groups', {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: groups.map(function (r) { return r.name; }) },
      series: [{ name: L.done, type: 'bar', itemStyle: { color: '#0d6efd' },
                 data: groups.map(function (r) { return r.done; }) }]
    }, groups);
  });
}());
