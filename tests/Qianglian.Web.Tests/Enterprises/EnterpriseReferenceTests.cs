using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;
using Qianglian.Web.Tests.Chains;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Infrastructure;

namespace Qianglian.Web.Tests.Enterprises;

/// <summary>
/// The registry's writes and the enterprise file against other jurisdictions (issue 13): a credit code registered
/// anywhere is taken, without naming its holder; places and parks must be the caller's; an enterprise's file names the
/// chains it is on wherever they are kept. On both databases.
/// </summary>
public abstract class EnterpriseReferenceTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string DazhouName = "演示·达州能源化工有限公司";

    private async Task<(Guid Xiqu, Guid Dazhou, string DazhouUscc, Guid DazhouFirm)> Places()
    {
        await using var db = host.OpenSystem();
        var firm = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91511700MA6DEM004"));
        return ((await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id, firm.JurisdictionId, firm.Uscc, firm.Id);
    }

    private async Task<int> Count(string name)
    {
        await using var db = host.OpenSystem();
        return await db.Enterprises.CountAsync(e => e.Name == name);
    }

    [Fact]
    public async Task A_credit_code_registered_in_another_jurisdiction_is_taken_and_its_holder_stays_unnamed()
    {
        var (xiqu, _, uscc, firm) = await Places();
        using var client = await host.ClientFor("xiqu.office");

        var created = await client.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = xiqu, uscc, name = "冒用代码企业" });
        var body = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("uscc", out _), body);
        Assert.DoesNotContain(DazhouName, BodyText.Of(body));
        Assert.Equal(0, await Count("冒用代码企业"));

        var file = Workbooks.Rows(EnterpriseExcel.SheetName, [new Dictionary<string, object?>
        {
            [EnterpriseExcel.Uscc] = uscc, [EnterpriseExcel.Name] = "冒用代码导入", [EnterpriseExcel.Jurisdiction] = "510403",
            [EnterpriseExcel.Listing] = "", [EnterpriseExcel.Cloud] = "否",
        }]);
        var imported = await client.PostAsync("/api/v1/enterprises/import", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "e.xlsx" } });
        var report = await imported.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, imported.StatusCode);
        var error = Assert.Single(JsonDocument.Parse(report).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, EnterpriseExcel.Uscc), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.DoesNotContain(DazhouName, BodyText.Of(report));
        await using var db = host.OpenSystem();
        var stored = await db.Enterprises.SingleAsync(e => e.Id == firm);
        Assert.Equal((DazhouName, 0), (stored.Name, await db.Enterprises.CountAsync(e => e.Name == "冒用代码导入")));
    }

    [Fact]
    public async Task An_enterprise_is_registered_only_in_a_place_and_park_the_caller_sees()
    {
        var (xiqu, dazhou, _, _) = await Places();
        using var client = await host.ClientFor("xiqu.office");
        var elsewhere = await client.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = dazhou, uscc = RegistryTests<THost>.NewUscc("91511700MY1"), name = "外区登记企业" });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.DoesNotContain("达州", BodyText.Of(await elsewhere.Content.ReadAsStringAsync()));
        var park = await client.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = xiqu, uscc = RegistryTests<THost>.NewUscc("91510403MY1"), name = "外区园区企业", parkId = dazhou });
        var body = await park.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, park.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("parkId", out _), body);
        Assert.DoesNotContain("达州", BodyText.Of(body));
        Assert.Equal(0, await Count("外区登记企业") + await Count("外区园区企业"));
    }

    [Fact]
    public async Task An_enterprise_s_file_names_the_chains_it_is_on_wherever_they_are_kept()
    {
        Guid green, city;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using (var db = host.OpenSystem())
        {
            green = (await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001"))).Id;
            city = (await db.Jurisdictions.SingleAsync(j => j.Code == "510400")).Id;
            var chain = new Chain { JurisdictionId = city, Name = $"市级档案测试链{suffix}" };
            var node = new ChainNode { JurisdictionId = city, ChainId = chain.Id, Name = $"市级档案环节{suffix}", Stage = ChainStage.Midstream, Kind = NodeKind.Product };
            var xiqu = (await db.Enterprises.SingleAsync(e => e.Id == green)).JurisdictionId;
            db.AddRange(chain, node, new EnterpriseNodeLink
            {
                JurisdictionId = xiqu, EnterpriseId = green, ChainId = chain.Id, NodeId = node.Id, Role = ChainRole.ChainMember, Evidence = EvidenceStrength.Probable,
            });
            await db.SaveChangesAsync();
        }
        foreach (var user in new[] { "xiqu.office", "xiqu.enterprise" })
        {
            using var client = await host.ClientFor(user);
            var file = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises/{green}");
            var link = file.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("chainName").GetString() == $"市级档案测试链{suffix}");
            Assert.Equal($"市级档案环节{suffix}", link.GetProperty("nodeName").GetString());
        }
        using var dazhou = await host.ClientFor("dazhou.office");
        Assert.Equal(HttpStatusCode.NotFound, (await dazhou.GetAsync($"/api/v1/enterprises/{green}")).StatusCode);
    }
}

public sealed class EnterpriseReferenceOnSqlite(SqliteHost host) : EnterpriseReferenceTests<SqliteHost>(host);
public sealed class EnterpriseReferenceOnPostgres(PostgresHost host) : EnterpriseReferenceTests<PostgresHost>(host);
