using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>
/// One definition per figure: every figure shown on two screens or endpoints is read from each and compared, on both
/// databases. A 达州 city chain (一致链) has five enterprises marked 链主 on the map:
///   甲 counts; 乙 left the tier ledger by the review of last year (counts for the year before, not since);
///   丙's evidence was rejected; 丁 is registered in 攀枝花 (outside the chain's place); 戊 is a 链属.
/// So the chain has 2 链主 two years ago and 1 this year — on the targets, the chain index, the tier ledger's chain
/// table, the chain dashboard, the chief's desk and the map alike. Projects, problems and the projects' targets are
/// compared between the boards and dashboards that show them.
/// </summary>
public abstract class FigureAgreementTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string ChainName = "一致链";
    private static readonly int Year = BusinessDate.Today(TimeProvider.System).Year;

    private sealed record World(Guid City, Guid Chain);

    /// <summary>One world per host (xUnit makes a new test object per test; the fixture is shared).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<HostFixture, Lazy<Task<World>>> Worlds = new();

    private Task<World> EnsureAsync() => Worlds.GetOrAdd(host, _ => new Lazy<Task<World>>(CreateAsync)).Value;

    private async Task<World> CreateAsync()
    {
        await using var db = host.OpenSystem();
        var city = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var elsewhere = await db.Jurisdictions.SingleAsync(j => j.Code == "510400");
        var chain = new Chain { JurisdictionId = city.Id, Name = ChainName, Ordinal = 99 };
        db.Chains.Add(chain);
        var node = new ChainNode { JurisdictionId = city.Id, ChainId = chain.Id, Name = "一致环节", Stage = ChainStage.Midstream, Kind = NodeKind.Product };
        db.ChainNodes.Add(node);
        var number = 0;
        Enterprise Firm(string name, Guid place, ChainRole role, EvidenceStrength evidence = EvidenceStrength.Confirmed, bool facts = true)
        {
            var code = place == city.Id ? "91511700MA6AGR" : "91510400MA6AGR";
            var firm = new Enterprise { JurisdictionId = place, Uscc = DemoData.FullUscc($"{code}{++number:000}"), Name = name, IndustryCode = "2614" };
            db.Enterprises.Add(firm);
            db.EnterpriseNodeLinks.Add(new EnterpriseNodeLink { JurisdictionId = place, EnterpriseId = firm.Id, ChainId = chain.Id, NodeId = node.Id, Role = role, Evidence = evidence });
            if (facts)
                foreach (var y in Enumerable.Range(Year - 3, 4))
                    db.EnterpriseFacts.Add(new EnterpriseYearFact { JurisdictionId = place, EnterpriseId = firm.Id, Year = y, Revenue = 300_000_000m + y, OutputValue = 200_000_000m + 10_000_000m * (y - Year + 3) });
            return firm;
        }
        Firm("一致甲公司", city.Id, ChainRole.ChainLeader);
        var yi = Firm("一致乙公司", city.Id, ChainRole.ChainLeader);
        Firm("一致丙公司", city.Id, ChainRole.ChainLeader, EvidenceStrength.Rejected);
        Firm("一致丁公司", elsewhere.Id, ChainRole.ChainLeader, facts: false);
        Firm("一致戊公司", city.Id, ChainRole.ChainMember);
        // 乙 held 培育库 from two years ago; last year's review took it out of the ledger (退出程序).
        db.TierMemberships.Add(new TierMembership { JurisdictionId = city.Id, EnterpriseId = yi.Id, ChainId = chain.Id, Tier = Tier.Cultivation, FromYear = Year - 2, ToYear = Year - 1, EndedBy = ProposalKind.Exit });
        db.TierExits.Add(new TierExit
        {
            JurisdictionId = city.Id, EnterpriseId = yi.Id, ChainId = chain.Id, LastTier = Tier.Cultivation, Year = Year - 1, Reason = "年度评价未达标", Notice = "退出培育库",
            NoticeDate = new DateOnly(Year, 1, 15), ResultId = Guid.NewGuid(),
        });
        await db.SaveChangesAsync();
        return new World(city.Id, chain.Id);
    }

    private static decimal? Figure(JsonElement dashboard, string key) =>
        dashboard.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value") is { ValueKind: JsonValueKind.Number } v
            ? v.GetDecimal() : null;

    private static decimal? Number(JsonElement e, string property) =>
        e.GetProperty(property) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    private static bool? Flag(JsonElement e, string property) =>
        e.GetProperty(property) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>The chain's 链主 count of a year on every screen that shows it, by screen.</summary>
    private async Task<Dictionary<string, decimal?>> LeaderCounts(HttpClient office, World w, int year)
    {
        var targets = await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/targets?year={year}");
        var line = targets.EnumerateArray().Single(l => l.GetProperty("key").GetString() == "dazhou.chain_leaders_per_chain_2027" && l.GetProperty("subject").GetString() == ChainName);

        var run = await office.PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = w.City, year, subject = "Chain" });
        Assert.True(run.StatusCode == HttpStatusCode.Created, await run.Content.ReadAsStringAsync());
        var ranking = await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/runs/{(await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}");
        var result = ranking.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == ChainName);
        var indexLine = result.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "leaders");

        var dashboard = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/chains/{w.Chain}?year={year}");
        var map = await office.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{w.Chain}/map?year={year}");
        return new()
        {
            ["targets"] = Number(line, "actual"),
            ["index"] = Number(indexLine, "value"),
            ["dashboard"] = Figure(dashboard, "leaders"),
            ["map"] = map.GetProperty("leaders").GetArrayLength(),
        };
    }

    [Fact]
    public async Task The_chain_leaders_of_a_chain_are_one_count_on_every_screen_with_the_exited_rejected_and_outside_left_out()
    {
        var w = await EnsureAsync();
        var office = await host.ClientFor("dazhou.office");

        var before = await LeaderCounts(office, w, Year - 2);
        Assert.All(before, c => Assert.True(c.Value == 2m, $"{c.Key}: {c.Value} 链主 two years ago, expected 2 (甲 and 乙 before its exit)"));
        var now = await LeaderCounts(office, w, Year);
        Assert.All(now, c => Assert.True(c.Value == 1m, $"{c.Key}: {c.Value} 链主 this year, expected 1 (甲)"));

        // The targets line and the tier ledger's chain table: the same count and the same verdict against 2–3 by 2027.
        var line = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/targets?year={Year}")).EnumerateArray()
            .Single(l => l.GetProperty("key").GetString() == "dazhou.chain_leaders_per_chain_2027" && l.GetProperty("subject").GetString() == ChainName);
        Assert.Contains("一致甲公司", line.GetProperty("explanation").GetString());
        Assert.DoesNotContain("一致乙公司", line.GetProperty("explanation").GetString());
        var table = (await office.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/chain-targets")).EnumerateArray().Single(c => c.GetProperty("chainId").GetGuid() == w.Chain);
        Assert.Equal(Number(line, "actual"), table.GetProperty("leaders").GetInt32());
        Assert.Equal(Flag(line, "met"), Flag(table, "targetMet"));
        Assert.False(Flag(table, "targetMet"));
        Assert.True(Flag((await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/targets?year={Year - 2}")).EnumerateArray()
            .Single(l => l.GetProperty("key").GetString() == "dazhou.chain_leaders_per_chain_2027" && l.GetProperty("subject").GetString() == ChainName), "met"));

        // The chief's desk shows the chain as its dashboard does.
        var desk = await office.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{w.Chain}/chief-home");
        var dashboard = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/chains/{w.Chain}?year={Year}");
        Assert.Equal(Figure(dashboard, "leaders"), desk.GetProperty("chainLeaders").GetInt32());
        Assert.Equal(Figure(dashboard, "enterprises"), desk.GetProperty("enterprises").GetInt32());
        Assert.Equal(3m, Figure(dashboard, "enterprises"));   // 甲 乙 戊: 丙's link was rejected, 丁 is registered elsewhere
    }

    [Fact]
    public async Task Projects_problems_and_project_targets_read_the_same_on_the_boards_and_the_dashboards()
    {
        // 西区's demo has the projects, problems and targets to compare.
        var office = await host.ClientFor("xiqu.office");
        var dashboard = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/office?year={Year}");
        var board = await office.GetFromJsonAsync<JsonElement>("/api/v1/projects/board");
        var cards = board.GetProperty("items").EnumerateArray().ToList();
        Assert.True(cards.Count > 0, "西区's demo has projects to compare");
        Assert.Equal(Figure(dashboard, "projects"), board.GetProperty("total").GetInt32());
        // The stage chart and the board's stage columns.
        var stages = dashboard.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "projectsByStage");
        var perStage = stages.GetProperty("series")[0].GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        var byStage = new[] { "Reserve", "Signed", "Started", "Completed", "AtCapacity" }.Select(s => (decimal)cards.Count(c => c.GetProperty("stage").GetString() == s)).ToList();
        Assert.Equal(byStage, perStage);

        // A chain's dashboard and the board filtered to the chain.
        foreach (var chain in cards.Select(c => c.GetProperty("chainId")).Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetGuid()).Distinct())
        {
            var chainBoard = await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/board?chainId={chain}");
            var chainDashboard = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/chains/{chain}?year={Year}");
            Assert.Equal(Figure(chainDashboard, "projects"), chainBoard.GetProperty("total").GetInt32());
        }

        // Problems: the office dashboard and the problem figures of the same scope.
        var problems = await office.GetFromJsonAsync<JsonElement>("/api/v1/problems/figures");
        var all = problems.GetProperty("all");
        Assert.Equal(Figure(dashboard, "openProblems"), all.GetProperty("total").GetInt32() - all.GetProperty("closed").GetInt32());
        Assert.Equal(Figure(dashboard, "onTimeRate"), Number(all, "onTimeRate") is { } rate ? Math.Round(100m * rate, 2, MidpointRounding.AwayFromZero) : null);

        // The project targets on the projects' page and in target tracking: the same actual and verdict, for each year.
        var admin = await host.ClientFor("admin");
        foreach (var year in new[] { Year - 2, Year - 1, Year })
        {
            var tracked = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/targets?year={year}")).EnumerateArray().ToList();
            var projectTargets = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/targets?year={year}")).EnumerateArray().ToList();
            Assert.NotEmpty(projectTargets);
            foreach (var t in projectTargets)
            {
                var same = tracked.Where(l => l.GetProperty("targetId").GetGuid() == t.GetProperty("targetId").GetGuid()).ToList();
                var l = Assert.Single(same);
                Assert.True(Number(l, "actual") == Number(t, "actual") && Flag(l, "met") == Flag(t, "met"),
                    $"{year} {t.GetProperty("name").GetString()}: projects page {Number(t, "actual")} / {Flag(t, "met")}, target tracking {Number(l, "actual")} / {Flag(l, "met")}");
            }
        }
    }

    [Fact]
    public async Task The_chain_figures_of_the_chiefs_desk_are_its_dashboards()
    {
        var w = await EnsureAsync();
        var office = await host.ClientFor("dazhou.office");
        foreach (var chain in (await office.GetFromJsonAsync<JsonElement>("/api/v1/chains")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Append(w.Chain).Distinct())
        {
            var desk = await office.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/chief-home");
            var dashboard = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/chains/{chain}?year={Year}");
            var name = desk.GetProperty("chain").GetString();
            Assert.True(Figure(dashboard, "enterprises") == desk.GetProperty("enterprises").GetInt32(), $"{name}: enterprises");
            Assert.True(Figure(dashboard, "leaders") == desk.GetProperty("chainLeaders").GetInt32(), $"{name}: 链主");
            Assert.True(Figure(dashboard, "openProblems") == desk.GetProperty("openProblems").GetInt32(), $"{name}: open problems");
            var rate = Number(desk.GetProperty("problems"), "onTimeRate");
            Assert.True(Figure(dashboard, "onTimeRate") == (rate is { } r ? Math.Round(100m * r, 2, MidpointRounding.AwayFromZero) : null), $"{name}: on-time rate");
            if (Number(desk, "year") is { } factsYear && factsYear <= Year)
                Assert.True(Figure(dashboard, "output") == Math.Round(desk.GetProperty("output").GetDecimal() / 100_000_000m, 2, MidpointRounding.AwayFromZero), $"{name}: output");
        }
    }
}

public sealed class FigureAgreementOnSqlite(SqliteHost host) : FigureAgreementTests<SqliteHost>(host);
public sealed class FigureAgreementOnPostgres(PostgresHost host) : FigureAgreementTests<PostgresHost>(host);
