// Loaded right after Plotly.js, before the notebook's outputs: a figure is drawn when its slide is shown (or in
// print mode, all of them), not while the page loads, so a deck with many figures opens at once.
(function () {
  'use strict';
  var newPlot = window.Plotly.newPlot;
  var pending = [];
  function draw(item) {
    return newPlot.call(window.Plotly, item.el, item.data, item.layout, item.config);
  }
  window.Plotly.newPlot = function (el, data, layout, config) {
    var target = typeof el === 'string' ? document.getElementById(el) : el;
    if (window.FCNN_DRAW_ALL || !target || !target.closest || !target.closest('.reveal .slides section')) return draw({ el: target || el, data: data, layout: layout, config: config });
    pending.push({ el: target, data: data, layout: layout, config: config });
    return Promise.resolve(target);
  };
  /** Draws the waiting figures inside `root` (all of them without a root); resolves when they are drawn. */
  window.fcnnDrawPlots = function (root) {
    var now = [];
    pending = pending.filter(function (item) {
      if (root && !root.contains(item.el)) return true;
      now.push(item);
      return false;
    });
    return Promise.all(now.map(draw));
  };
})();
