using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>
/// Every pack runs on first start: each of the five jurisdictions has accounts, enterprises with a year of facts,
/// projects and the tasks of its document; chains are those the packs name (and 西区's demo chain). Every demo credit
/// code passes GB 32100, and the registry finds an enterprise by the beginning of its code, only within scope.
/// </summary>
public abstract class EveryPackDemoTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    /// <summary>Each pack: its jurisdiction, its office, and the chains its office sees on first start.</summary>
    public static TheoryData<string, string, string, int> Packs => new()
    {
        { "xiqu", "510403", "xiqu.office", 1 },          // the demo chain of 西区 (the pack names none of its 9)
        { "panzhihua", "510400", "pzh.office", 1 },      // 西区's, within the city (the pack names none of its 13)
        { "dazhou", "511700", "dazhou.office", 0 },      // the pack names no chain: none is made up
        { "ankang", "610900", "ankang.office", 0 },      // the pack names no chain: none is made up
        { "qianjiang", "500114", "qianjiang.office", 5 }, // the pack's "3+2" chains
    };

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task Each_jurisdiction_has_accounts_enterprises_facts_projects_tasks_and_its_packs_chains(string pack, string code, string office, int chains)
    {
        using var client = await host.ClientFor(office);

        var enterprises = await client.GetFromJsonAsync<JsonElement>("/api/v1/enterprises?pageSize=500");
        Assert.True(enterprises.GetProperty("total").GetInt32() >= 2, $"{pack}: enterprises");
        var projects = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects?pageSize=500");
        Assert.True(projects.GetProperty("total").GetInt32() >= 1, $"{pack}: projects");
        var visibleChains = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/chains");
        Assert.Equal(chains, visibleChains!.Count);

        await using var db = host.OpenSystem();
        var place = await db.Jurisdictions.SingleAsync(j => j.Code == code);
        Assert.Equal(place.Id, (await db.Users.SingleAsync(u => u.UserName == office)).JurisdictionId);
        var document = await db.PolicyDocuments.Where(d => d.PackCode == pack).Select(d => d.Id).SingleAsync();
        var tasks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?documentId={document}&pageSize=500");
        Assert.True(tasks.GetProperty("total").GetInt32() > 0, $"{pack}: tasks of its document");
        Assert.True(await db.EnterpriseFacts.CountAsync(f => f.Year == 2024 && f.JurisdictionPath.StartsWith(place.JurisdictionPath)) >= 2, $"{pack}: a year of facts");
        // Chains come from the packs: every chain a pack loaded is one its text names.
        Assert.All(await db.Chains.Where(c => c.PackCode == pack).ToListAsync(), c => Assert.Equal(place.Id, c.JurisdictionId));
    }

    [Fact]
    public async Task Every_demo_account_signs_in_and_every_pack_has_an_office_an_operator_and_a_lead_department()
    {
        foreach (var account in DemoData.Accounts) (await host.ClientFor(account.UserName)).Dispose();
        foreach (var code in new[] { "510400", "511700", "610900", "500114" })
        {
            var here = DemoData.Accounts.Where(a => a.JurisdictionCode == code || a.JurisdictionCode.StartsWith(code[..4]) && a.JurisdictionCode != "510403").Select(a => a.Role).ToHashSet();
            Assert.Contains(Auth.Roles.CoordinationOffice, here);
        }
        foreach (var prefix in new[] { "ankang.", "qianjiang." })
        {
            var roles = DemoData.Accounts.Where(a => a.UserName.StartsWith(prefix)).Select(a => a.Role).ToHashSet();
            Assert.Superset(new HashSet<string> { Auth.Roles.CoordinationOffice, Auth.Roles.LocalOperator, Auth.Roles.LeadDepartment }, roles);
        }
    }

    [Fact]
    public async Task Every_demo_credit_code_passes_the_check()
    {
        Assert.All(DemoData.EnterpriseCodes, c => Assert.Null(Uscc.Validate(DemoData.FullUscc(c))));
        await using var db = host.OpenSystem();
        var codes = await db.Enterprises.Select(e => e.Uscc).ToListAsync();
        Assert.True(codes.Count > 30);
        Assert.All(codes, c => Assert.True(Uscc.Validate(c) is null, $"{c}: {Uscc.Validate(c)}"));
    }

    [Fact]
    public async Task Search_by_the_beginning_of_a_credit_code_finds_the_enterprise_within_scope_only()
    {
        using var xiqu = await host.ClientFor("xiqu.office");
        var prefix = "91510403MA6DEM00";
        var found = await xiqu.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises?search={prefix.ToLowerInvariant()}&pageSize=500");
        var codes = found.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("uscc").GetString()!).ToList();
        Assert.Contains(DemoData.FullUscc("91510403MA6DEM001"), codes);
        Assert.Contains(DemoData.FullUscc("91510403MA6DEM008"), codes);
        Assert.All(codes, c => Assert.StartsWith(prefix, c));

        // 达川区's enterprise: found by its office's city, never by 西区.
        var dachuan = DemoData.FullUscc("91511703MA6DEM011");
        Assert.Equal(0, (await xiqu.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises?search={dachuan[..10]}")).GetProperty("total").GetInt32());
        using var dazhou = await host.ClientFor("dazhou.office");
        var there = await dazhou.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises?search={dachuan[..10]}");
        Assert.Equal(dachuan, Assert.Single(there.GetProperty("items").EnumerateArray()).GetProperty("uscc").GetString());
        // The whole code still finds it; text that cannot begin a code searches names only.
        Assert.Equal(1, (await dazhou.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises?search={dachuan}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await dazhou.GetFromJsonAsync<JsonElement>("/api/v1/enterprises?search=达川区天然气")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Dazhou_demo_problem_waits_at_its_county_government()
    {
        await using var db = host.OpenSystem();
        var firm = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91511703MA6DEM011"));
        var problem = await db.Problems.SingleAsync(p => p.EnterpriseId == firm.Id && p.Title == "延链项目专线供电接入排期");
        var unit = await db.Units.SingleAsync(u => u.Id == problem.AssignedUnitId);
        Assert.Equal(("达川区人民政府", UnitKind.CountyGovernment), (unit.Name, unit.Kind));
    }

    [Fact]
    public async Task The_demo_records_a_statistic_honours_and_an_event_of_last_year_that_targets_read()
    {
        var year = BusinessDate.Today(host.Services.GetRequiredService<TimeProvider>()).Year - 1;
        using var qianjiang = await host.ClientFor("qianjiang.office");
        var statistics = await qianjiang.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/statistics?year={year}");
        Assert.Contains(statistics.EnumerateArray(), s => s.GetProperty("kind").GetString() == "IndustrialIndexCityRank" && s.GetProperty("source").GetString()!.StartsWith("演示数据"));
        var honours = await qianjiang.GetFromJsonAsync<JsonElement>($"/api/v1/honours?year={year}");
        Assert.Equal(new[] { "GreenFactory", "SmartFactory" }, honours.EnumerateArray().Where(h => h.GetProperty("documentNumber").GetString()?.StartsWith("演示") == true)
            .Select(h => h.GetProperty("kind").GetString()!).Order().ToArray());

        // 达州's yearly target of one conference per domain reads the demo's conference for its domain.
        using var dazhou = await host.ClientFor("dazhou.office");
        var lines = await dazhou.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/targets?year={year}");
        Assert.Contains(lines.EnumerateArray(), l => l.GetProperty("key").GetString() == "dazhou.industry_conference_yearly"
            && l.GetProperty("met").ValueKind == JsonValueKind.True && l.GetProperty("explanation").GetString()!.Contains(DemoTargetRecords.Conference));
    }
}

public sealed class EveryPackDemoOnSqlite(SqliteHost host) : EveryPackDemoTests<SqliteHost>(host);
public sealed class EveryPackDemoOnPostgres(PostgresHost host) : EveryPackDemoTests<PostgresHost>(host);
