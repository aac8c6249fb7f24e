using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Policies;

/// <summary>
/// Counties and parks in every pack (GB/T 2260): each county with its government, each park with its committee, so
/// "各县（区）" and "各县（市、区）人民政府（含…管委会）" have units to stand for; 达州's ledger starts at the county.
/// </summary>
public abstract class PackPlacesTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    /// <summary>The counties the issue lists, with their city, as GB/T 2260 codes them.</summary>
    public static readonly (string Code, string Name, string Parent)[] Counties =
    [
        ("510402", "东区", "510400"), ("510403", "西区", "510400"), ("510411", "仁和区", "510400"), ("510421", "米易县", "510400"), ("510422", "盐边县", "510400"),
        ("511702", "通川区", "511700"), ("511703", "达川区", "511700"), ("511722", "宣汉县", "511700"), ("511723", "开江县", "511700"),
        ("511724", "大竹县", "511700"), ("511725", "渠县", "511700"), ("511781", "万源市", "511700"),
        ("610902", "汉滨区", "610900"), ("610921", "汉阴县", "610900"), ("610922", "石泉县", "610900"), ("610923", "宁陕县", "610900"),
        ("610924", "紫阳县", "610900"), ("610925", "岚皋县", "610900"), ("610926", "平利县", "610900"), ("610927", "镇坪县", "610900"),
        ("610929", "白河县", "610900"), ("610981", "旬阳市", "610900"),
    ];

    /// <summary>The parks the five texts name, with the committee each names.</summary>
    public static readonly (string Code, string Name, string Committee)[] Parks =
    [
        ("510403-YQ", "西区园区", "园区管委会"), ("510400-VT", "国家钒钛高新区", "国家钒钛高新区管委会"),
        ("511700-GX", "达州高新区", "达州高新区管委会"), ("511700-DB", "达州东部经开区", "达州东部经开区管委会"),
        ("610900-GX", "安康高新区", "安康高新区管委会"), ("610900-HK", "恒口示范区", "恒口示范区管委会"),
        ("500114-ZY", "正阳工业园区", "正阳工业园区管委会"),
    ];

    [Fact]
    public async Task Every_listed_county_exists_once_with_its_name_level_parent_and_government()
    {
        await using var db = host.OpenSystem();
        var places = await db.Jurisdictions.AsNoTracking().ToListAsync();
        var byId = places.ToDictionary(j => j.Id);
        var governments = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.CountyGovernment).ToListAsync();
        foreach (var (code, name, parent) in Counties)
        {
            var place = Assert.Single(places, j => j.Code == code);
            Assert.Equal(name, place.Name);
            Assert.Equal(JurisdictionLevel.County, place.Level);
            Assert.Equal(parent, byId[place.ParentId!.Value].Code);
            Assert.EndsWith($"/{parent}/{code}/", place.JurisdictionPath);
            var government = Assert.Single(governments, u => u.JurisdictionId == place.Id);
            Assert.Equal(name + "人民政府", government.Name);
        }
        // 西区 is one place and one government, whichever pack names it.
        Assert.Single(places, j => j.Name == "西区");
        Assert.Single(await db.Units.AsNoTracking().Where(u => u.Name == "西区人民政府").ToListAsync());
        // Only counties have a county government.
        var counties = places.Where(j => j.Level == JurisdictionLevel.County).Select(j => j.Id).ToHashSet();
        Assert.All(governments, g => Assert.Contains(g.JurisdictionId, counties));
    }

    [Fact]
    public async Task Every_park_the_texts_name_has_its_committee()
    {
        await using var db = host.OpenSystem();
        foreach (var (code, name, committee) in Parks)
        {
            var park = await db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Code == code);
            Assert.Equal((name, JurisdictionLevel.Park), (park.Name, park.Level));
            var unit = Assert.Single(await db.Units.AsNoTracking().Where(u => u.JurisdictionId == park.Id && u.Kind == UnitKind.ParkCommittee).ToListAsync());
            Assert.Equal(committee, unit.Name);
        }
    }

    [Fact]
    public async Task A_city_office_sees_its_counties_governments_and_not_another_citys()
    {
        using var client = await host.ClientFor("dazhou.office");
        var units = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/units");
        var names = units!.Where(u => u.GetProperty("kind").GetString() == "CountyGovernment").Select(u => u.GetProperty("name").GetString()!).ToHashSet();
        Assert.Equal(Counties.Where(c => c.Parent == "511700").Select(c => c.Name + "人民政府").ToHashSet(), names);
    }

    [Fact]
    public async Task Dazhou_ladder_starts_at_the_county_and_ends_at_the_chain_chief()
    {
        await using (var db = host.OpenSystem())
        {
            var settings = await db.SupervisionSettings.AsNoTracking().SingleAsync(s => s.PackCode == "dazhou");
            Assert.True(settings.StartsAtCounty);
            Assert.Equal([EscalationLevel.Local, EscalationLevel.LeadDepartment, EscalationLevel.ChainChief], settings.Rungs.Levels);
            Assert.Empty(settings.LocalUnitIds); // no city bureau per category: the text starts at the county
            // Another pack keeps the full ladder.
            Assert.True((await db.SupervisionSettings.AsNoTracking().SingleAsync(s => s.PackCode == "qianjiang")).HasJointMeetingRung);
        }

        // A chain of 达州 with its lead department (市经信局) and, as chief, the office's account.
        Guid chain, dachuan, city;
        await using (var db = host.OpenSystem())
        {
            var place = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
            var chief = await db.Users.SingleAsync(u => u.UserName == "dazhou.office");
            var row = new Modules.Chains.Chain
            {
                JurisdictionId = place.Id, Name = $"达州阶梯测试链{Guid.NewGuid():N}"[..12], ChiefUserId = chief.Id,
                LeadUnitId = await db.Units.Where(u => u.Key == "dazhou.jxj").Select(u => u.Id).SingleAsync(),
            };
            db.Chains.Add(row);
            await db.SaveChangesAsync();
            chain = row.Id;
            dachuan = await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc("91511703MA6DEM011")).Select(e => e.Id).SingleAsync();
            city = await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc("91511700MA6DEM004")).Select(e => e.Id).SingleAsync();
        }

        using var office = await host.ClientFor("dazhou.office");
        var filed = await office.PostAsJsonAsync("/api/v1/problems", new { enterpriseId = dachuan, chainId = chain, category = "Land", title = "县级无法解决的用地问题", description = "新增用地指标不足" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/problems/{id}");
        Assert.Equal("Local", detail.GetProperty("row").GetProperty("level").GetString());
        Assert.Equal("达川区人民政府", detail.GetProperty("row").GetProperty("handler").GetString());
        Assert.Equal("达川区人民政府", detail.GetProperty("firstUnit").GetString());
        Assert.Equal("LeadDepartment", detail.GetProperty("nextLevel").GetString());

        // The county cannot solve it: the lead department takes it and submits it to the chief — and there it ends.
        using var county = await host.ClientFor("dazhou.county");
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync($"/api/v1/problems/{id}/escalate", new { reason = "县级层面无法解决", version = await Version(id) })).StatusCode);
        Assert.Equal(EscalationLevel.LeadDepartment, await Level(id));
        using var lead = await host.ClientFor("dazhou.lead");
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsJsonAsync($"/api/v1/problems/{id}/escalate", new { reason = "提交链长研究", version = await Version(id) })).StatusCode);
        Assert.Equal(EscalationLevel.ChainChief, await Level(id));
        detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/problems/{id}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("nextLevel").ValueKind);
        var top = await office.PostAsJsonAsync($"/api/v1/problems/{id}/escalate", new { reason = "再上报", version = await Version(id) });
        Assert.Equal(HttpStatusCode.Conflict, top.StatusCode);
        Assert.Equal(EscalationLevel.ChainChief, await Level(id));

        // An enterprise registered at the city itself has no county: it starts at the 市融圈强链办 (the platform's default).
        var atCity = await office.PostAsJsonAsync("/api/v1/problems", new { enterpriseId = city, category = "Power", title = "市本级企业的问题", description = "供电" });
        var cityDetail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/problems/{(await atCity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}");
        Assert.Equal("市经济和信息化局", cityDetail.GetProperty("row").GetProperty("handler").GetString());
    }

    private async Task<int> Version(Guid problem)
    {
        await using var db = host.OpenSystem();
        return await db.Problems.Where(p => p.Id == problem).Select(p => p.Version).SingleAsync();
    }

    private async Task<EscalationLevel> Level(Guid problem)
    {
        await using var db = host.OpenSystem();
        return await db.Problems.Where(p => p.Id == problem).Select(p => p.Level).SingleAsync();
    }

    /// <summary>
    /// A database loaded with the packs as they were before the counties (version 1, no county, 西区's government in
    /// incentives.yaml, 达州's ledger at city bureaus) gets the counties, governments and county ladder on the next
    /// start, each once; a third start changes nothing.
    /// </summary>
    [Fact]
    public async Task An_existing_database_gets_the_new_places_once_on_the_next_start()
    {
        ITestDatabase database = host.Provider == DatabaseProvider.Sqlite ? new SqliteTestDatabase() : new PostgresTestDatabase();
        var connection = await database.CreateAsync();
        try
        {
            var options = new DatabaseOptions(host.Provider, connection, [], host.Services.GetRequiredService<AuditKeyRing>());
            await using (var db = options.Create(UserScope.System, TimeProvider.System)) await db.Database.MigrateAsync();
            var dbs = new AppDb(options, new CurrentUser(), TimeProvider.System);
            var old = OldPacks();

            async Task<IReadOnlyList<string>> Start(string root)
            {
                var report = await new PackLoader(dbs, TimeProvider.System, NullLogger<PackLoader>.Instance).LoadAllAsync(root, CancellationToken.None);
                await new SupervisionSettingsLoader(dbs, TimeProvider.System).LoadAllAsync(root, CancellationToken.None);
                await new Modules.Incentives.IncentivePackLoader(dbs, TimeProvider.System).LoadAllAsync(root, CancellationToken.None);
                return report.Loaded;
            }

            Assert.Equal(5, (await Start(old)).Count);
            await using (var db = options.Create(UserScope.System, TimeProvider.System))
            {
                Assert.False(await db.Jurisdictions.AnyAsync(j => j.Code == "511703"));
                Assert.Equal(UnitKind.Government, (await db.Units.SingleAsync(u => u.Key == "xiqu.qzf")).Kind);
                Assert.False((await db.SupervisionSettings.SingleAsync(s => s.PackCode == "dazhou")).StartsAtCounty);
            }

            Assert.Equal(["ankang", "dazhou", "panzhihua", "xiqu"], (await Start(RepositoryPaths.Packs)).Order().ToList());
            Assert.Empty(await Start(RepositoryPaths.Packs));
            await using (var db = options.Create(UserScope.System, TimeProvider.System))
            {
                var codes = await db.Jurisdictions.Select(j => j.Code).ToListAsync();
                Assert.Equal(codes.Count, codes.Distinct().Count());
                Assert.All(Counties, c => Assert.Contains(c.Code, codes));
                Assert.Equal(Counties.Length, await db.Units.CountAsync(u => u.Kind == UnitKind.CountyGovernment));
                var units = await db.Units.Select(u => new { u.JurisdictionId, u.Name }).ToListAsync();
                Assert.Equal(units.Count, units.Distinct().Count());
                Assert.Equal(UnitKind.CountyGovernment, (await db.Units.SingleAsync(u => u.Key == "xiqu.qzf")).Kind);
                var dazhou = await db.SupervisionSettings.SingleAsync(s => s.PackCode == "dazhou");
                Assert.True(dazhou.StartsAtCounty);
                Assert.False(dazhou.HasJointMeetingRung);
                Assert.True((await db.SupervisionSettings.SingleAsync(s => s.PackCode == "xiqu")).HasJointMeetingRung);
            }
        }
        finally
        {
            await database.DropAsync();
        }
    }

    /// <summary>The packs as they were before counties: every county line and county government out, version 1.</summary>
    private static string OldPacks()
    {
        var root = Path.Combine(Path.GetTempPath(), $"qianglian-old-packs-{Guid.NewGuid():N}");
        var counties = Counties.Where(c => c.Code != "510403").Select(c => $"\"{c.Code}\"").ToList();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Packs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.Packs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var lines = File.ReadAllLines(file).ToList();
            var pack = Path.GetFileName(Path.GetDirectoryName(file));
            switch (Path.GetFileName(file))
            {
                case "pack.yaml":
                    lines = lines.Where(l => !counties.Any(l.Contains) && !l.Contains("kind: countyGovernment"))
                        .Select(l => l.StartsWith("version:") ? "version: 1" : l).ToList();
                    if (pack == "panzhihua") lines.RemoveAll(l => l.Contains("\"510403\", name: 西区"));
                    break;
                case "incentives.yaml" when pack == "xiqu":
                    var at = lines.FindIndex(l => l.StartsWith("version:"));
                    lines[at] = "version: 2";
                    lines.Insert(at + 1, "units:");
                    lines.Insert(at + 2, "  - { key: xiqu.qzf, name: 西区人民政府, jurisdiction: \"510403\", kind: government, aliases: [区政府, 区委、区政府] }");
                    break;
                case "supervision.yaml" when pack == "dazhou":
                    lines = lines.Where(l => !l.TrimStart().StartsWith("start:") && !l.TrimStart().StartsWith("rungs:"))
                        .Select(l => l.StartsWith("version:") ? "version: 1" : l).ToList();
                    lines.Insert(lines.FindIndex(l => l.TrimStart().StartsWith("source:")),
                        "  localUnits: { land: dazhou.zrzy, power: dazhou.nycy, finance: dazhou.czj, approvals: dazhou.fgw, talent: dazhou.rsj, market: dazhou.swj, other: dazhou.jxj }");
                    break;
            }
            File.WriteAllLines(target, lines);
        }
        return root;
    }
}

public sealed class PackPlacesOnSqlite(SqliteHost host) : PackPlacesTests<SqliteHost>(host);
public sealed class PackPlacesOnPostgres(PostgresHost host) : PackPlacesTests<PostgresHost>(host);
