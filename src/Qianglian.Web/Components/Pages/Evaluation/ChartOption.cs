using Qianglian.Web.Modules.Evaluation;

namespace Qianglian.Web.Components.Pages.Evaluation;

/// <summary>The ECharts option of a dashboard chart: bars, lines, stacked bars or a pie, a rate on a second axis; no animation, so what is drawn is final.</summary>
public static class ChartOption
{
    /// <param name="pieTooltip">A pie slice's tooltip in the UI language, an ECharts template ({b} name, {c} value, {d} percent).</param>
    public static object Of(ChartData c, string pieTooltip)
    {
        if (c.Kind == ChartKind.Pie)
            return new
            {
                animation = false,
                tooltip = new { trigger = "item", formatter = pieTooltip },
                legend = new { bottom = 0 },
                series = new[]
                {
                    new { type = "pie", radius = new[] { "35%", "65%" }, label = new { formatter = "{b} {c}" }, data = c.Categories.Select((name, n) => new { name, value = c.Series[0].Values[n] }).ToArray() },
                },
            };
        var right = c.Series.Any(s => s.OnRightAxis);
        return new
        {
            animation = false,
            tooltip = new { trigger = "axis" },
            legend = new { top = 0, type = "scroll" },
            // The axes' units sit below the legend, not beside it (an English unit is wider than 个 or 亿元).
            grid = new { left = 56, right = right ? 56 : 24, top = 60, bottom = c.Categories.Count > 6 ? 80 : 40 },
            xAxis = new { type = "category", data = c.Categories, axisLabel = new { interval = 0, rotate = c.Categories.Count > 6 ? 30 : 0 } },
            yAxis = right
                ? new object[] { new { type = "value", name = c.Unit }, new { type = "value", name = "%", max = 100 } }
                : [new { type = "value", name = c.Unit }],
            series = c.Series.Select(s => new
            {
                name = s.Name,
                type = s.OnRightAxis || c.Kind == ChartKind.Line ? "line" : "bar",
                stack = c.Kind == ChartKind.StackedBar && !s.OnRightAxis ? "total" : null,
                yAxisIndex = s.OnRightAxis ? 1 : 0,
                label = new { show = c.Kind != ChartKind.Line && !s.OnRightAxis, position = c.Kind == ChartKind.StackedBar ? "inside" : "top" },
                // An empty segment of a stack is not drawn (nor labelled 0).
                data = c.Kind == ChartKind.StackedBar && !s.OnRightAxis ? s.Values.Select(v => v == 0 ? null : v).ToList() : s.Values,
            }).ToArray(),
        };
    }
}
