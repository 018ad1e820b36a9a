// Draws the fund balances' charts from the JSON the page carries (#chart-data): a stacked
// bar per city of what its budgets hold, and the same per fund source.
// Tooltips render on the canvas (richText): the page's CSP allows no inline styles.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  var PARTS = ['committed', 'paid', 'receivable', 'available'];
  var COLOURS = { committed: '#fd7e14', paid: '#198754', receivable: '#dc3545', available: '#0d6efd' };

  function stacked(id, rows, labels, locale) {
    var el = document.getElementById(id);
    if (!el || !window.echarts || rows.length === 0) { return; }
    var c = window.echarts.init(el, null, { locale: locale, renderer: 'canvas' });
    var shown = rows.slice().reverse();
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { data: PARTS.map(function (p) { return labels[p]; }), top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      // Short axis labels (万 yuan in Chinese, thousands in English) keep them apart; the
      // tooltip gives the exact figure.
      xAxis: { type: 'value', splitNumber: 4,
               axisLabel: { hideOverlap: true, formatter: function (v) {
                 return locale === 'ZH' ? (v / 10000) + '万' : (v / 1000) + 'k';
               } } },
      yAxis: { type: 'category', data: shown.map(function (r) { return r.name; }),
               axisLabel: { width: 140, overflow: 'truncate' } },
      series: PARTS.map(function (p) {
        return { name: labels[p], type: 'bar', stack: 'total', itemStyle: { color: COLOURS[p] },
                 data: shown.map(function (r) { return r[p]; }) };
      })
    });
    window.addEventListener('resize', function () { c.resize(); });
    el.dataset.rendered = 'true';
  }

  ready(function () {
    var holder = document.getElementById('chart-data');
    if (!holder) { return; }
    var d = JSON.parse(holder.textContent);
    stacked('chart-cities', d.cities, d.labels, d.locale);
    stacked('chart-sources', d.sources, d.labels, d.locale);
  });
})();
