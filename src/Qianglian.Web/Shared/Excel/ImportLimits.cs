namespace Qianglian.Web.Shared.Excel;

/// <summary>
/// How big a workbook an import opens (issue 15 item 8; 等保 入侵防范 — a 3.9 MB file holding a 999 MB sheet took 140 s
/// and 0.9 GB). Platform defaults, not figures of any document: 256 MB of decompressed content (the 100,000-row registry
/// import, the largest measured, decompresses to about a tenth of that) and 300,000 rows. Configured with
/// `Imports:MaxUncompressedMegabytes` and `Imports:MaxRows`, read once at start-up.
/// </summary>
public sealed record ImportLimits(long MaxUncompressedBytes, int MaxRows)
{
    public static readonly ImportLimits Default = new(256L * 1024 * 1024, 300_000);

    public static ImportLimits Current { get; private set; } = Default;

    public static void Configure(IConfiguration config)
    {
        var megabytes = config.GetValue<long?>("Imports:MaxUncompressedMegabytes");
        var rows = config.GetValue<int?>("Imports:MaxRows");
        Current = new ImportLimits(megabytes is > 0 ? megabytes.Value * 1024 * 1024 : Default.MaxUncompressedBytes, rows is > 0 ? rows.Value : Default.MaxRows);
    }
}
