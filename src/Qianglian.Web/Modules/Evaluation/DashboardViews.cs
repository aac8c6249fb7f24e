using Qianglian.Core.Projects;

namespace Qianglian.Web.Modules.Evaluation;

public enum ChartKind { Bar = 1, Line = 2, Pie = 3, StackedBar = 4 }

/// <param name="OnRightAxis">Drawn as a line on a second axis (a rate beside amounts).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool OnRightAxis = false);

/// <summary>One chart's data: categories along the axis and one or more series; the .xlsx export writes exactly this.</summary>
public sealed record ChartData(string Key, string Title, ChartKind Kind, string Unit, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

/// <summary>A headline figure of a dashboard, as shown (e.g. 12.5 with unit 亿元).</summary>
public sealed record Figure(string Key, string Label, decimal? Value, string Unit);

/// <summary>A row of a dashboard's list (stuck projects, overdue problems): what, its state, and why.</summary>
/// <param name="Light">How serious: a red-light project or an overdue problem is Red, a yellow-light project Yellow.</param>
public sealed record WatchItem(Guid Id, string Kind, string Name, string State, string Reason, string Link, Light Light);

public sealed record Dashboard(string Title, int Year, string JurisdictionPath, IReadOnlyList<Figure> Figures, IReadOnlyList<ChartData> Charts, IReadOnlyList<WatchItem> Watch);
