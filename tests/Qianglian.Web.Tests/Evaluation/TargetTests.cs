using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>The packs' targets against actuals computed from the data, on both databases.</summary>
public abstract class TargetTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    /// <summary>
    /// 黔江 2025: 黔江卷烟甲 (1620, revenue 30亿, output 28亿) and 黔江配套乙 (2231, 0.1亿 / 0.09亿, below scale) on 卷烟及配套;
    /// 黔江材料丙 (3240, 5亿 / 4.5亿) on no chain. 达州: one chain with one 链主.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var db = host.OpenSystem();
        if (await db.Enterprises.AnyAsync(e => e.Name == "黔江卷烟甲")) return;
        var qianjiang = await db.Jurisdictions.SingleAsync(j => j.Code == "500114");
        var tobacco = await db.Chains.SingleAsync(c => c.JurisdictionId == qianjiang.Id && c.Name == "卷烟及配套");
        var node = new ChainNode { JurisdictionId = qianjiang.Id, ChainId = tobacco.Id, Name = "卷烟", Stage = ChainStage.Midstream, Kind = NodeKind.Product };
        db.ChainNodes.Add(node);
        var n = 0;
        Enterprise Firm(Guid place, string name, string industry, decimal revenueYi, decimal outputYi, int year = 2025)
        {
            var firm = new Enterprise { JurisdictionId = place, Uscc = DemoData.FullUscc($"91500114MA6TGT{++n:000}"), Name = name, IndustryCode = industry };
            db.Enterprises.Add(firm);
            db.EnterpriseFacts.Add(new EnterpriseYearFact { JurisdictionId = place, EnterpriseId = firm.Id, Year = year, Revenue = revenueYi * 100_000_000m, OutputValue = outputYi * 100_000_000m });
            return firm;
        }
        var jia = Firm(qianjiang.Id, "黔江卷烟甲", "1620", 30, 28);
        var yi = Firm(qianjiang.Id, "黔江配套乙", "2231", 0.1m, 0.09m);
        Firm(qianjiang.Id, "黔江材料丙", "3240", 5, 4.5m);
        foreach (var firm in new[] { jia, yi })
            db.EnterpriseNodeLinks.Add(new EnterpriseNodeLink { JurisdictionId = qianjiang.Id, EnterpriseId = firm.Id, ChainId = tobacco.Id, NodeId = node.Id, Role = ChainRole.ChainMember, Evidence = EvidenceStrength.Confirmed });

        var dazhou = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var chain = new Chain { JurisdictionId = dazhou.Id, Name = "达州目标测试链" };
        var dzNode = new ChainNode { JurisdictionId = dazhou.Id, ChainId = chain.Id, Name = "天然气化工", Stage = ChainStage.Upstream, Kind = NodeKind.Material };
        var leader = Firm(dazhou.Id, "达州链主丁", "2614", 20, 18);
        db.AddRange(chain, dzNode, new EnterpriseNodeLink { JurisdictionId = dazhou.Id, EnterpriseId = leader.Id, ChainId = chain.Id, NodeId = dzNode.Id, Role = ChainRole.ChainLeader, Evidence = EvidenceStrength.Confirmed });
        await db.SaveChangesAsync();
    }

    private static JsonElement Line(JsonElement lines, string key) => lines.EnumerateArray().Single(l => l.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Each_target_shows_its_actual_progress_or_that_its_data_is_not_entered()
    {
        await SeedAsync();
        var admin = await host.ClientFor("admin");
        var lines = await admin.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/targets?year=2025");

        var aboveScale = Line(lines, "qianjiang.above_scale_2025");   // > 100: 甲 and 丙 are above scale, 乙 is not
        Assert.Equal((2m, false, 0.02m), (aboveScale.GetProperty("actual").GetDecimal(), aboveScale.GetProperty("met").GetBoolean(), aboveScale.GetProperty("progress").GetDecimal()));
        var output = Line(lines, "qianjiang.output_2025");            // 28 + 4.5 亿
        Assert.Equal(32.5m, output.GetProperty("actual").GetDecimal());
        Assert.Contains("规上工业企业2家产值合计32.5亿元", output.GetProperty("explanation").GetString());
        var tobacco = Line(lines, "qianjiang.output_tobacco_2025");   // the chain's local members, above scale or not: 28 + 0.09
        Assert.Equal((28.09m, "卷烟及配套"), (tobacco.GetProperty("actual").GetDecimal(), tobacco.GetProperty("subject").GetString()));

        // Recognitions are counted from the honours registry; none recorded is a count of 0 that says so, not "no data source".
        var provincial = Line(lines, "dazhou.provincial_chain_leaders_2027");
        Assert.Equal(JsonValueKind.Null, provincial.GetProperty("noSource").ValueKind);
        Assert.Contains("省级“链主”企业", provincial.GetProperty("explanation").GetString());
        // A statistic the office has not entered gives no figure (never a rank of 0): the demo enters the city rank, not the
        // 渝东南 one.
        var regionRank = Line(lines, "qianjiang.index_region_first_2025");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (regionRank.GetProperty("actual").ValueKind, regionRank.GetProperty("noSource").ValueKind));
    }

    [Fact]
    public async Task A_per_chain_target_has_a_line_per_chain_with_a_stated_forecast_and_exports()
    {
        await SeedAsync();
        var office = await host.ClientFor("dazhou.office");
        var lines = await office.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/targets?year=2025");
        var perChain = lines.EnumerateArray().Where(l => l.GetProperty("key").GetString() == "dazhou.chain_leaders_per_chain_2027").ToList();
        var mine = perChain.Single(l => l.GetProperty("subject").GetString() == "达州目标测试链");
        Assert.Equal((1m, false), (mine.GetProperty("actual").GetDecimal(), mine.GetProperty("met").GetBoolean()));   // 2–3 per chain
        Assert.Equal(1m, mine.GetProperty("forecast").GetDecimal());
        Assert.StartsWith("按2022—2025年平均增速0%推至2027年", mine.GetProperty("forecastMethod").GetString());
        Assert.False(mine.GetProperty("forecastMet").GetBoolean());
        Assert.DoesNotContain(lines.EnumerateArray(), l => l.GetProperty("key").GetString()!.StartsWith("qianjiang."));   // 黔江's targets are not 达州's

        var xlsx = await office.GetAsync("/api/v1/evaluation/targets.xlsx?year=2025");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(lines.GetArrayLength(), rows.Count);
        Assert.Contains(rows, r => r["对象"]?.ToString() == "达州目标测试链" && r["预测方法"]?.ToString()!.StartsWith("按2022") == true);
    }
}

public sealed class TargetsOnSqlite(SqliteHost host) : TargetTests<SqliteHost>(host);
public sealed class TargetsOnPostgres(PostgresHost host) : TargetTests<PostgresHost>(host);
