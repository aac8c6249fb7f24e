using Qianglian.Core.Projects;
using MudBlazor;

namespace Qianglian.Web.Components.Pages.Projects;

/// <summary>How the project screens write money (万元), rates and lights.</summary>
public static class ProjectFormat
{
    public static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.##");

    public static string Wan(decimal? yuan) => yuan is { } y ? Wan(y) : "";

    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.0") + "%" : "—";

    public static Color ColourOf(Light light) => light switch { Light.Red => Color.Error, Light.Yellow => Color.Warning, _ => Color.Success };

    public static DateTime? ToDateTime(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDate(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;
}
