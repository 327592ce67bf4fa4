// Starts reveal.js for one course deck and keeps the Plotly figures sized to the slide.
//  - 1280×720 slides, the speaker view (press S) from reveal's notes plugin, slide numbers c/t.
//  - Figures are drawn when their slide is shown (deck-plots.js), then sized to the slide.
//  - Two or more figures from one cell stand side by side. A slide whose content is taller than 720 px gets its
//    figures shortened (down to 300 px) until it fits, then a smaller font (down to 16 px); a slide that still does
//    not fit (a long table in one cell) is scaled down as a whole.
//  - MathJax typesets the formulas of a slide when it is shown.
(function () {
  'use strict';
  var WIDTH = 1280, HEIGHT = 720, MIN_PLOT = 300, MIN_PLOT_SIDE_BY_SIDE = 240, FONT = 26, MIN_FONT = 16;
  var printing = /print-pdf/i.test(window.location.search);

  function plotsIn(slide) { return slide ? Array.prototype.slice.call(slide.querySelectorAll('.js-plotly-plot')) : []; }

  function fitText(slide) {
    for (var size = FONT; size >= MIN_FONT && slide.scrollHeight > HEIGHT; size -= 1) slide.style.fontSize = size + 'px';
    // Last resort (a long table in one cell): scale the slide's content down as a whole; marked data-fcnn-scaled.
    for (var round = 0; round < 3 && slide.scrollHeight > HEIGHT; round++) {
      var factor = (parseFloat(slide.getAttribute('data-fcnn-scaled')) || 1) * (HEIGHT - 4) / slide.scrollHeight;
      slide.setAttribute('data-fcnn-scaled', factor.toFixed(3));
      Array.prototype.forEach.call(slide.children, function (child) { child.style.zoom = factor; });
    }
  }

  function sideBySide(slide) {
    Array.prototype.forEach.call(slide.querySelectorAll('.jp-OutputArea'), function (area) {
      if (area.querySelectorAll('.js-plotly-plot').length >= 2) area.classList.add('fcnn-side-by-side');
    });
  }

  function minHeight(el) { return el.closest('.fcnn-side-by-side') ? MIN_PLOT_SIDE_BY_SIDE : MIN_PLOT; }

  /** Shortens the slide's figures until the slide fits (a few rounds: figures side by side shrink a row at a time). */
  function fitPlots(slide, round) {
    round = round || 0;
    if (round === 0) {
      sideBySide(slide);
      // A figure drawn while its slide was hidden has no width yet (in print mode every slide is shown: no need).
      if (!printing) plotsIn(slide).forEach(function (el) { window.Plotly.Plots.resize(el); });
    }
    var over = slide.scrollHeight - HEIGHT;
    var plots = plotsIn(slide).filter(function (el) { return el.offsetHeight > minHeight(el); });
    if (over <= 0 || plots.length === 0 || round >= 4) return Promise.resolve();
    var share = Math.ceil(over / plots.length) + 4;
    return Promise.all(plots.map(function (el) {
      var h = Math.max(minHeight(el), el.offsetHeight - share);
      el.style.height = h + 'px';
      return window.Plotly.relayout(el, { height: h });
    })).then(function () { return fitPlots(slide, round + 1); });
  }

  function typeset(slide) {
    return new Promise(function (resolve) {
      var hub = window.MathJax && window.MathJax.Hub;
      if (!hub) return resolve();
      hub.Queue(['Typeset', hub, slide], resolve);
    });
  }

  function fit(slide) {
    return fitPlots(slide).then(function () { fitText(slide); slide.setAttribute('data-fcnn-fitted', 'true'); });
  }

  /** Draws, typesets and fits one slide; marks it data-fcnn-fitted when done. */
  function prepare(slide) {
    if (!slide || slide.getAttribute('data-fcnn-fitted') === 'true') return Promise.resolve();
    return Promise.all([window.fcnnDrawPlots(slide), typeset(slide)]).then(function () { return fit(slide); });
  }

  Reveal.initialize({
    width: WIDTH,
    height: HEIGHT,
    margin: 0.04,
    center: false,
    hash: true,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    transition: 'none',
    showNotes: false,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    plugins: [RevealNotes]
  }).then(function () {
    if (printing) return;
    return prepare(Reveal.getCurrentSlide()).then(function () {
      document.documentElement.setAttribute('data-fcnn-ready', 'true');
    });
  });
  Reveal.on('slidechanged', function (event) {
    prepare(event.currentSlide);
  });
  // Print mode (?print-pdf) lays every slide out at once: draw every figure and typeset the page in one go, then fit
  // the slides one after the other.
  Reveal.on('pdf-ready', function () {
    Promise.all([window.fcnnDrawPlots(), typeset(document.body)]).then(function () {
      return Reveal.getSlides().reduce(function (done, slide) {
        return done.then(function () { return fit(slide); });
      }, Promise.resolve());
    }).then(function () {
      document.documentElement.setAttribute('data-fcnn-pdf-ready', 'true');
    });
  });
})();
