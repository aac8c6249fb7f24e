using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Policies;

/// <summary>Packs load at start-up, idempotently and by version, in one transaction; documents come out whole.</summary>
public abstract class PackLoadingTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task Start_up_loads_the_five_packs_with_their_documents_and_matched_units()
    {
        await using var db = host.OpenSystem();
        Assert.Equal(5, await db.PolicyPacks.CountAsync());
        var counts = await db.PolicyDocuments.Select(d => new { d.PackCode, Count = d.Measures.Count }).ToDictionaryAsync(d => d.PackCode!, d => d.Count);
        Assert.Equal(new Dictionary<string, int> { ["xiqu"] = 10, ["panzhihua"] = 16, ["ankang"] = 10, ["dazhou"] = 7, ["qianjiang"] = 27 }, counts);
        Assert.Equal(0, await db.MeasureUnits.CountAsync(u => u.MatchKind == "Unknown"));
        Assert.Equal(5, await db.Chains.CountAsync(c => c.PackCode == "qianjiang"));
        Assert.Equal(0, await db.Chains.CountAsync(c => c.PackCode == "xiqu"));
        Assert.Equal("/100000/510000/510400/510403/", (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).JurisdictionPath);
        Assert.Equal("/100000/500000/500114/500114-ZY/", (await db.Jurisdictions.SingleAsync(j => j.Code == "500114-ZY")).JurisdictionPath);
    }

    [Fact]
    public async Task Xiqu_measure_six_through_the_api()
    {
        using var client = await host.ClientFor("xiqu.office");
        var documents = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/documents");
        var xiqu = Assert.Single(documents!);
        var document = await client.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{xiqu.GetProperty("id").GetGuid()}");
        var measures = document.GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(10, measures.Count);
        var six = measures[5];
        Assert.Equal("六", six.GetProperty("number").GetString());
        // 〔责任单位：区经济和信息化局、区财政局〕 has no comma: under 西区's convention both lead, none cooperates.
        Assert.Equal(["区经济和信息化局", "区财政局"], six.GetProperty("lead").EnumerateArray().Select(u => u.GetProperty("unitName").GetString()));
        Assert.Empty(six.GetProperty("cooperating").EnumerateArray());
        Assert.Equal(6, document.GetProperty("checklist").GetArrayLength());
    }

    [Fact]
    public async Task Responsibility_matrix_exports_to_xlsx()
    {
        using var client = await host.ClientFor("xiqu.office");
        var id = (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/documents"))![0].GetProperty("id").GetGuid();
        var matrix = await client.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/matrix");
        var jxj = matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == "区经济和信息化局");
        Assert.Equal("Lead", jxj.GetProperty("cells")[5].GetString());
        Assert.Equal("Lead", jxj.GetProperty("cells")[4].GetString());       // 五: no comma under the convention, all lead
        Assert.Equal("Cooperating", jxj.GetProperty("cells")[8].GetString()); // 九: after the comma
        // 十: "区经济和信息化局牵头会同区发展改革局…" — the text names the lead; 区发展改革局 cooperates.
        Assert.Equal("Lead", jxj.GetProperty("cells")[9].GetString());
        var fgj = matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == "区发展改革局");
        Assert.Equal("Cooperating", fgj.GetProperty("cells")[9].GetString());

        var xlsx = await client.GetAsync($"/api/v1/documents/{id}/matrix.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = rows.Single(r => (string)r["责任单位"] == "区经济和信息化局");
        Assert.Equal("牵头", row.Single(c => c.Key.StartsWith("06 六")).Value);
        Assert.Equal("牵头", row.Single(c => c.Key.StartsWith("10 十")).Value);
        Assert.Equal("配合", rows.Single(r => (string)r["责任单位"] == "区发展改革局").Single(c => c.Key.StartsWith("10 十")).Value);
    }

    [Fact]
    public async Task Loading_again_changes_nothing()
    {
        long before;
        await using (var db = host.OpenSystem()) before = await db.AuditEntries.CountAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PackLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        Assert.Empty(report.Loaded);
        Assert.Equal(5, report.Unchanged.Count);
        await using (var db = host.OpenSystem()) Assert.Equal(before, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Changed_content_needs_a_higher_version_and_a_broken_pack_writes_nothing()
    {
        var root = CopyOfPacks();
        var xiquYaml = Path.Combine(root, "xiqu", "pack.yaml");
        File.WriteAllText(xiquYaml, File.ReadAllText(xiquYaml).Replace("区应急管理局", "区应急管理局 "));
        await using var scope = host.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<PackLoader>();
        var sameVersion = await Assert.ThrowsAsync<PackLoadException>(() => loader.LoadAllAsync(root, CancellationToken.None));
        Assert.Contains(sameVersion.Errors, e => e.Pack == "xiqu" && e.Field == "version");

        // A new version that also breaks another pack: nothing at all is written.
        int loadedVersion;
        await using (var db = host.OpenSystem()) loadedVersion = (await db.PolicyPacks.SingleAsync(p => p.Code == "xiqu")).PackVersion;
        File.WriteAllText(xiquYaml, File.ReadAllText(xiquYaml).Replace($"version: {loadedVersion}\n", $"version: {loadedVersion + 1}\n"));
        var dazhouYaml = Path.Combine(root, "dazhou", "pack.yaml");
        File.WriteAllText(dazhouYaml, File.ReadAllText(dazhouYaml).Replace("jurisdiction: \"511700\", kind: government }", "jurisdiction: \"511799\", kind: government }"));
        long before;
        await using (var db = host.OpenSystem()) before = await db.AuditEntries.CountAsync();
        var broken = await Assert.ThrowsAsync<PackLoadException>(() => loader.LoadAllAsync(root, CancellationToken.None));
        Assert.Contains(broken.Errors, e => e.Pack == "dazhou" && e.Field.EndsWith(".jurisdiction"));
        await using (var db = host.OpenSystem())
        {
            Assert.Equal(before, await db.AuditEntries.CountAsync());
            Assert.Equal(loadedVersion, (await db.PolicyPacks.SingleAsync(p => p.Code == "xiqu")).PackVersion);
        }

        // Fixed: the new version loads, the unchanged packs are skipped.
        File.Copy(Path.Combine(RepositoryPaths.Packs, "dazhou", "pack.yaml"), dazhouYaml, overwrite: true);
        var report = await loader.LoadAllAsync(root, CancellationToken.None);
        Assert.Equal(["xiqu"], report.Loaded);
        await using (var db = host.OpenSystem())
            Assert.Equal(loadedVersion + 1, (await db.PolicyPacks.SingleAsync(p => p.Code == "xiqu")).PackVersion);
    }

    private static string CopyOfPacks()
    {
        var root = Path.Combine(Path.GetTempPath(), $"qianglian-packs-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Packs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.Packs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }
}

public sealed class PackLoadingOnSqlite(SqliteHost host) : PackLoadingTests<SqliteHost>(host);
public sealed class PackLoadingOnPostgres(PostgresHost host) : PackLoadingTests<PostgresHost>(host);
