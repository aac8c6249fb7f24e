using System.Globalization;

namespace Qianglian.Core.Scoring;

/// <summary>Numbers as officials read them: yuan as 万元, ratios as per cent, anything else with its unit.</summary>
public static class Quantity
{
    public const string Yuan = "yuan";
    public const string Ratio = "ratio";

    public static string Format(decimal? value, string? unit) => value is not { } v ? "—" : unit switch
    {
        Yuan => Number(v / 10_000m) + "万元",
        Ratio => Number(v * 100m) + "%",
        _ when unit?.StartsWith(Yuan + "/", StringComparison.Ordinal) == true => Number(v / 10_000m) + "万元/" + unit[(Yuan.Length + 1)..],
        null or "" => Number(v),
        _ => Number(v) + unit,
    };

    /// <summary>A difference in the same unit (percentage points for ratios).</summary>
    public static string FormatChange(decimal change, string? unit) => unit == Ratio ? Number(change * 100m) + "个百分点" : Format(change, unit);

    public static string Number(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Points as shown and summed: two decimals, half away from zero.</summary>
    public static decimal Points(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
