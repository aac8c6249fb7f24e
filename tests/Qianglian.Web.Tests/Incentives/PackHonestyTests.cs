using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>
/// Packs complete and honest (issue 14 item 8) on both databases: 安康's rewards named without amounts exist as
/// measures "to be set", citable to the document's own words.
/// </summary>
public abstract class PackHonestyTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private readonly IncentiveApi api = new(host);

    /// <summary>安康 二、五、八: every reward the text names without an amount, and the words that name it.</summary>
    public static readonly TheoryData<string, string> AnkangRewardsWithoutAmount = new()
    {
        { "ankang.2.new-above-scale", "对新增进规工业项目予以一定资金奖补" },
        { "ankang.2.tech-renovation", "根据投资金额和设备购置占比等情况予以一定资金奖补" },
        { "ankang.2.smart-factory", "对认定为省级智能工厂、智能车间、智能产线给予一定奖励" },
        { "ankang.2.smart-workshop", "对认定为省级智能工厂、智能车间、智能产线给予一定奖励" },
        { "ankang.2.smart-line", "对认定为省级智能工厂、智能车间、智能产线给予一定奖励" },
        { "ankang.5.small-to-above", "落实“小升规”奖励政策" },
        { "ankang.8.standard-factory", "对年度标准化厂房建设符合面积和节约集约用地要求的投资主体给予奖励支持" },
    };

    [Theory]
    [MemberData(nameof(AnkangRewardsWithoutAmount))]
    public async Task Ankang_rewards_named_without_an_amount_are_measures_to_be_set_quoting_the_text(string key, string words)
    {
        var document = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Packs, "ankang", "document.txt"));
        var office = await api.As("ankang.office");
        var measures = await Json(await office.GetAsync("/api/v1/incentives/measures"), HttpStatusCode.OK);
        var measure = measures.EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);
        Assert.True(measure.GetProperty("amountToBeSet").GetBoolean());
        var clause = measure.GetProperty("clause").GetString()!;
        Assert.Contains(words, clause);
        Assert.Contains(clause.TrimEnd('。'), document); // the clause is the document's own words

        // Eligible on the declared facts, but no amount: the explanation says it is to be set, and nothing is payable.
        var attested = measure.GetProperty("rule").GetProperty("conditions").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "Attested").Select(c => c.GetProperty("text").GetString()!).ToList();
        Guid enterprise;
        await using (var db = host.OpenSystem())
            enterprise = await db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(
                db.Jurisdictions.Where(j => j.Code == "610900").Select(j => j.JurisdictionPath).First())).Select(e => e.Id).FirstAsync();
        object body = measure.GetProperty("subject").GetString() == "Enterprise"
            ? new { enterpriseId = enterprise, attested }
            : new { projectId = await AnkangProject(enterprise), attested };
        var result = await Json(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{measure.GetProperty("id").GetGuid()}/evaluate", body), HttpStatusCode.OK);
        Assert.True(result.GetProperty("eligible").GetBoolean());
        Assert.True(result.GetProperty("amountToBeSet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("ceiling").ValueKind);
        Assert.Equal("符合条件，奖励金额待设定", result.GetProperty("explanation").GetProperty("conclusion").GetString());
    }

    /// <summary>
    /// 安康 二 "对中小企业购置关键设备，按照不超过购置额的10%、最高给予500万元奖补": the enterprise's purchase is the subject —
    /// it needs no key-library project. Applied for with the purchase declared; a project is refused, naming the field.
    /// </summary>
    [Fact]
    public async Task Ankang_sme_equipment_subsidy_is_claimed_for_an_enterprise_purchase_without_a_project()
    {
        var office = await api.As("ankang.office");
        var measures = await Json(await office.GetAsync("/api/v1/incentives/measures"), HttpStatusCode.OK);
        var measure = measures.EnumerateArray().Single(m => m.GetProperty("key").GetString() == "ankang.2.equipment");
        Assert.Equal("Enterprise", measure.GetProperty("subject").GetString());
        var id = measure.GetProperty("id").GetGuid();
        List<Guid> enterprises;
        await using (var db = host.OpenSystem())
            enterprises = await db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(
                db.Jurisdictions.Where(j => j.Code == "610900").Select(j => j.JurisdictionPath).First())).Select(e => e.Id).ToListAsync();
        Guid? sme = null;
        foreach (var e in enterprises)
        {
            var r = await Json(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{id}/evaluate", new { enterpriseId = e, purchaseAmount = 3000 * Wan }), HttpStatusCode.OK);
            if (!r.GetProperty("eligible").GetBoolean()) continue;
            Assert.Equal(300 * Wan, r.GetProperty("ceiling").GetDecimal()); // 3,000万元 × 10%
            sme = e;
            break;
        }
        Assert.True(sme is not null, "安康 has no small or medium demo enterprise to apply");

        var created = await Json(await office.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = id, enterpriseId = sme, purchaseAmount = 3000 * Wan }), HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("projectId").ValueKind);
        var withProject = await office.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = id, enterpriseId = sme, projectId = await AnkangProject(sme.Value), purchaseAmount = 3000 * Wan });
        Assert.Equal(HttpStatusCode.BadRequest, withProject.StatusCode);
        Assert.Contains("projectId", await withProject.Content.ReadAsStringAsync());

        // 安康 二 pays on a purchase and limits neither purchases nor applications: the next purchase is its own application,
        // while the first is still live.
        Assert.True(measure.GetProperty("perPurchase").GetBoolean());
        var next = await Json(await office.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = id, enterpriseId = sme, purchaseAmount = 800 * Wan }), HttpStatusCode.Created);
        Assert.NotEqual(created.GetProperty("number").GetString(), next.GetProperty("number").GetString());
        await using (var db = host.OpenSystem())
            Assert.Equal(2, await db.Set<Web.Modules.Incentives.IncentiveApplication>().CountAsync(a => a.MeasureId == id && a.EnterpriseId == sme && a.State != "rejected"));

        // 取高不重复 still holds against another measure of the group: a measure configured in 设备投资补助 without perPurchase
        // refuses an enterprise that holds a live application of the group.
        var other = (await Json(await office.PostAsJsonAsync("/api/v1/incentives/measures", new
        {
            jurisdictionId = measure.GetProperty("jurisdictionId").GetGuid(),
            measure = new
            {
                key = "ankang.test.equipment-other", title = "测试·同组另一项设备补助", clause = "测试条款", supportType = "设备投资补助",
                subject = "Enterprise", rule = measure.GetProperty("rule"),
            },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var refused = await office.PostAsJsonAsync("/api/v1/incentives/applications", new { measureId = other, enterpriseId = sme, purchaseAmount = 100 * Wan });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("取高不重复", await refused.Content.ReadAsStringAsync());
    }

    private async Task<Guid> AnkangProject(Guid enterprise)
    {
        await using var db = host.OpenSystem();
        var place = await db.Enterprises.Where(e => e.Id == enterprise).Select(e => new { e.JurisdictionId, e.JurisdictionPath }).SingleAsync();
        var project = new Web.Modules.Projects.Project
        {
            Name = $"安康·待定奖补项目{Guid.NewGuid():N}"[..16], EnterpriseId = enterprise, JurisdictionId = place.JurisdictionId,
            TotalInvestment = 3000 * Wan, EquipmentInvestment = 1000 * Wan, ListedOn = new DateOnly(2026, 1, 5),
        };
        db.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }
}

public sealed class PackHonestyOnSqlite(SqliteIncentiveHost host) : PackHonestyTests<SqliteIncentiveHost>(host);
public sealed class PackHonestyOnPostgres(PostgresIncentiveHost host) : PackHonestyTests<PostgresIncentiveHost>(host);
