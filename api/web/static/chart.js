// Per-year charts by kind, drawn with Observable Plot from the JSON beside each chart.
// Without JavaScript (or without the chart files) the table beside the chart stays.
(function () {
  "use strict";
  function draw(figure) {
    var data = JSON.parse(figure.querySelector("script").textContent);
    if (!data.length) return;
    var width = Math.max(300, Math.min(720, figure.parentElement.clientWidth || 600));
    var chart = Plot.plot({
      width: width,
      height: 260,
      marginLeft: 40,
      x: { label: "Year", type: "band", tickFormat: function (y) { return String(y); } },
      y: { label: "Meetings", grid: true },
      color: { legend: true, domain: ["phone_call", "video_call", "meeting"],
               range: ["#0b5cad", "#b35c00", "#2e7d32"],
               tickFormat: function (k) { return k.replace("_", " "); } },
      marks: [
        Plot.barY(data, {
          x: "year", y: "meetings", fill: "kind",
          title: function (d) { return d.year + ", " + d.kind + ": " + d.meetings; },
        }),
        Plot.ruleY([0]),
      ],
    });
    // Plot names its layers with aria-label; a named <g> needs a role that allows a name.
    chart.querySelectorAll("g[aria-label]").forEach(function (g) { g.setAttribute("role", "group"); });
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", figure.getAttribute("aria-label"));
    figure.appendChild(chart);
    figure.hidden = false;
  }
  function drawAll() {
    if (typeof Plot === "undefined") return;
    document.querySelectorAll("figure.chart").forEach(draw);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
