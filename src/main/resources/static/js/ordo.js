// Ordo's page behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them): charts are configured by
// the server in a data-chart attribute of their canvas, as JSON, and drawn here, also after htmx swaps content in.
(function () {
  "use strict";

  function drawCharts(root) {
    if (typeof Chart === "undefined") {
      return;
    }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn === "true") {
        return;
      }
      try {
        new Chart(canvas, JSON.parse(canvas.dataset.chart));
        canvas.dataset.drawn = "true";
      } catch (e) {
        console.error("chart " + canvas.id + " could not be drawn", e);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(document);
    document.body.addEventListener("htmx:afterSwap", function (event) {
      drawCharts(event.target);
    });
  });
})();
