using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Evaluation;

namespace Qianglian.Web.Hosting;

/// <summary>
/// The demo's records for the targets no enterprise row answers (issue 14 item 4), so target tracking shows a figure
/// read from each kind of record on first start, not only "尚无数据": a yearly statistic entered by 黔江's office with
/// its source (工业经济运行综合指数全市排位), two recognitions of 黔江's demo enterprises (智能工厂, 绿色工厂) and an industry
/// conference of one of 达州's domains. All of last business year, the year the records page opens on; every name and
/// source says it is demo data. Idempotent by the conference's name.
/// </summary>
public sealed class DemoTargetRecords(AppDb dbs, TimeProvider clock)
{
    public const string Conference = "演示·达州产业发展推介大会";
    private const string Qianjiang = "500114", Dazhou = "511700";

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        if (await db.IndustryEvents.AnyAsync(e => e.Name == Conference, ct)) return;
        var year = BusinessDate.Today(clock).Year - 1;
        var places = await db.Jurisdictions.Where(j => j.Code == Qianjiang || j.Code == Dazhou).ToDictionaryAsync(j => j.Code, j => j.Id, ct);
        if (places.Count < 2) return; // a deployment without those packs has no demo of theirs

        db.JurisdictionStatistics.Add(new JurisdictionStatistic
        {
            JurisdictionId = places[Qianjiang], Kind = StatisticKind.IndustrialIndexCityRank, Year = year, Value = 5,
            Source = $"演示数据：重庆市统计局《{year}年全市工业经济运行综合指数通报》", RecordedBy = "演示数据",
        });
        (string Uscc17, HonourKind Kind, string Number)[] honours =
        [
            ("91500114MA6DEM015", HonourKind.SmartFactory, "演示·渝经信发〔示例〕1号"),
            ("91500114MA6DEM016", HonourKind.GreenFactory, "演示·渝经信节能〔示例〕2号"),
        ];
        foreach (var (uscc17, kind, number) in honours)
        {
            var uscc = DemoData.FullUscc(uscc17);
            if (await db.Enterprises.FirstOrDefaultAsync(e => e.Uscc == uscc, ct) is not { } firm) continue;
            db.EnterpriseHonours.Add(new EnterpriseHonour
            {
                JurisdictionId = firm.JurisdictionId, EnterpriseId = firm.Id, Kind = kind, Level = HonourLevel.Municipal, Year = year, DocumentNumber = number,
            });
        }
        var domain = await db.Ecosystems.Where(e => e.JurisdictionId == places[Dazhou]).OrderBy(e => e.Name).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        db.IndustryEvents.Add(new IndustryEvent
        {
            JurisdictionId = places[Dazhou], Kind = IndustryEventKind.IndustryConference, Name = Conference, HeldOn = new DateOnly(year, 5, 20),
            EcosystemId = domain, Place = "达州市", RecordedBy = "演示数据",
        });
        await db.SaveChangesAsync(ct);
    }
}
