/* Draws every insight chart (templates/oscar/dashboard/insight/partials/figure.html): each <canvas
   data-insight-data="ID"> takes its figures from the JSON blob #ID (labels, and one series per table column with
   its kind), so the chart and the table beside it are the same numbers. Numbers the Vietnamese way:
   1.250.000 ₫, 12,5 %. No animation: a chart is read, not watched. */
(function () {
    "use strict";
    if (typeof window.Chart === "undefined") { return; }

    var PALETTE = ["#1b6e3a", "#d98a04", "#2f6db5", "#b03a48", "#6f4ea3", "#3a8f8a", "#8a6d3b", "#5f6b73"];
    var numbers = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 0});
    var decimals = new Intl.NumberFormat("vi-VN", {minimumFractionDigits: 1, maximumFractionDigits: 1});

    function format(value, kind) {
        if (kind === "money") { return numbers.format(value) + "\u00a0₫"; }
        if (kind === "percent") { return decimals.format(value) + "\u00a0%"; }
        return numbers.format(value);
    }

    function colour(index) {
        return PALETTE[index % PALETTE.length];
    }

    function ticks(kind) {
        // whole numbers on the axis of counts and đồng: no "1,5 orders"
        return {precision: kind === "percent" ? 1 : 0, callback: function (value) { return format(value, kind); }};
    }

    function config(data) {
        var kind = data.chart;
        var series = data.series;
        var labels = data.labels;
        if (kind === "doughnut") {
            return {
                type: "doughnut",
                data: {labels: labels, datasets: [{label: series[0].label, data: series[0].values,
                    backgroundColor: labels.map(function (_, i) { return colour(i); })}]},
                options: {plugins: {legend: {position: "right"}, tooltip: {callbacks: {label: function (item) {
                    return item.label + ": " + format(item.parsed, series[0].kind);
                }}}}}
            };
        }
        var horizontal = data.horizontal;  // long lists and long labels lie down (insight_tags.lies_down)
        var valueAxis = horizontal ? "x" : "y";
        var twoScales = series.length === 2 && series[0].kind !== series[1].kind && kind !== "stacked-bar";
        var datasets = series.map(function (s, i) {
            var secondScale = twoScales && i === 1;
            var set = {label: s.label, data: s.values, kind: s.kind, backgroundColor: colour(i),
                       borderColor: colour(i), maxBarThickness: 48};
            if (kind === "line" || secondScale) {
                set.type = "line";
                set.fill = false;
                set.cubicInterpolationMode = "monotone";  // curved, never past the points
            }
            if (secondScale) { set[valueAxis + "AxisID"] = valueAxis + "1"; }
            return set;
        });
        var scales = {};
        var stacked = kind === "stacked-bar";
        scales[horizontal ? "y" : "x"] = {stacked: stacked, ticks: {autoSkip: !horizontal}};
        scales[valueAxis] = {stacked: stacked, beginAtZero: true, ticks: ticks(series[0].kind)};
        if (twoScales) {
            scales[valueAxis + "1"] = {beginAtZero: true, position: horizontal ? "top" : "right",
                                       grid: {drawOnChartArea: false}, ticks: ticks(series[1].kind)};
        }
        return {
            type: kind === "line" ? "line" : "bar",
            data: {labels: labels, datasets: datasets},
            options: {
                indexAxis: horizontal ? "y" : "x",
                scales: scales,
                plugins: {
                    legend: {display: series.length > 1},
                    tooltip: {callbacks: {label: function (item) {
                        var value = horizontal ? item.parsed.x : item.parsed.y;
                        return item.dataset.label + ": " + format(value, item.dataset.kind);
                    }}}
                }
            }
        };
    }

    function draw(canvas) {
        var blob = document.getElementById(canvas.getAttribute("data-insight-data"));
        if (!blob) { return; }
        var data = JSON.parse(blob.textContent);
        var chart = config(data);
        if (chart.options.indexAxis === "y") {
            // one bar's room per label (two series, twice), so long lists stay legible
            var perLabel = data.chart === "stacked-bar" ? 26 : 20 + 8 * data.series.length;
            canvas.parentNode.style.height = Math.max(240, perLabel * data.labels.length + 80) + "px";
        }
        chart.options.animation = false;
        chart.options.responsive = true;
        chart.options.maintainAspectRatio = false;
        chart.options.locale = "vi-VN";
        new window.Chart(canvas, chart);
    }

    document.querySelectorAll("canvas[data-insight-data]").forEach(draw);
}());
