namespace Qianglian.Web.Components.Shared;

/// <summary>
/// Forms take money in 万元, as officials write it; records keep yuan with 2 decimals. The form converts on the way
/// in and out, so the operations (and the API) see yuan only.
/// </summary>
public static class Wan
{
    public static decimal? FromYuan(decimal? yuan) => yuan / 10_000m;

    public static decimal? ToYuan(decimal? wan) => wan is { } w ? Math.Round(w * 10_000m, 2, MidpointRounding.AwayFromZero) : null;
}
