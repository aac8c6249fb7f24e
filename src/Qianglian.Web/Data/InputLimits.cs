namespace Qianglian.Web.Data;

/// <summary>
/// The one convention for bounded input (issue 15, item 7), named once. Columns carry their own length in the model
/// (<c>HasMaxLength</c>): short names and codes <see cref="Name"/>, titles <see cref="Title"/>, remarks and texts up to
/// <see cref="Text"/>. <see cref="InputBounds"/> enforces the model's lengths and the ranges below on every save; the
/// API additionally refuses any string of a request body longer than <see cref="Text"/> unless its field declares a
/// larger limit (<see cref="System.ComponentModel.DataAnnotations.MaxLengthAttribute"/>, e.g. a policy document's text).
/// </summary>
public static class InputLimits
{
    /// <summary>Names of chains, nodes, kit items, enterprises, people; codes.</summary>
    public const int Name = 100;

    /// <summary>Titles: of projects, needs, documents.</summary>
    public const int Title = 200;

    /// <summary>Free text: remarks, opinions, descriptions. Also the cap on any string of an API request body.</summary>
    public const int Text = 4000;

    /// <summary>The text of a whole policy document pasted in for import.</summary>
    public const int Document = 1_000_000;

    /// <summary>
    /// Any decimal (amounts in 万元, areas, ratios) lies within ±10^12: a trillion 万元 is far beyond any county's figure,
    /// and sums and products of such values stay well inside .NET's decimal and PostgreSQL's numeric(18,2).
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <summary>Business years (statistics, plans, budgets): from the founding of the PRC to 2100.</summary>
    public const int FirstYear = 1949;

    public const int LastYear = 2100;

    /// <summary>Percentages (shares, progress) lie in 0–100.</summary>
    public const decimal MaxPercent = 100m;
}
