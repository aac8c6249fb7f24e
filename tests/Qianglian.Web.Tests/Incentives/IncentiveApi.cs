using Qianglian.Core.Projects;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>Arranging and calling the incentive API as officials and enterprises do.</summary>
public sealed class IncentiveApi(HostFixture host)
{
    public const decimal Wan = 10_000m;
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private readonly Dictionary<string, string> tokens = [];

    /// <summary>A client signed in as the user. Tokens are fetched per test: a test may move the host's clock past their expiry.</summary>
    public async Task<HttpClient> As(string user)
    {
        if (!tokens.TryGetValue(user, out var token))
        {
            using var anonymous = host.Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = DemoData.Password, code = await Hosting.DemoCodes.ForAsync(host, user) });
            token = (await Json(response, HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
            tokens[user] = token;
        }
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Forgets the tokens (after the clock moved on).</summary>
    public void SignOutAll() => tokens.Clear();

    /// <summary>A 西区 project of the demo enterprise (the one xiqu.enterprise belongs to), on the demo chain.</summary>
    public async Task<Guid> Project(string name, ProjectFlags flags, decimal equipmentWan, decimal totalWan = 0, decimal newOutputWan = 0, bool onSchedule = true,
        string enterpriseUscc17 = "91510403MA6DEM001")
    {
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var enterprise = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc(enterpriseUscc17));
        var chain = await db.Chains.SingleAsync(c => c.Name == DemoChain.Name);
        var project = new Project
        {
            JurisdictionId = xiqu.Id, Name = name, EnterpriseId = enterprise.Id, ChainId = chain.Id, Flags = flags, Stage = ProjectStage.Completed,
            EquipmentInvestment = equipmentWan * Wan, TotalInvestment = Math.Max(totalWan, equipmentWan) * Wan, NewOutputValue = newOutputWan * Wan,
            PlannedCompletion = new DateOnly(2026, 3, 31), ActualCompletion = onSchedule ? new DateOnly(2026, 3, 20) : new DateOnly(2026, 4, 20),
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    public async Task<Guid> Measure(string key)
    {
        await using var db = host.OpenSystem();
        return await db.Set<Web.Modules.Incentives.IncentiveMeasure>().Where(m => m.Key == key).Select(m => m.Id).SingleAsync();
    }

    /// <summary>
    /// A 西区 measure 七 application (智改数转, equipment 2,800万元: ceiling 224万元) walked by each stage's own unit to
    /// 区财政局's payment stage, approved at <paramref name="approvedWan"/>.
    /// </summary>
    public async Task<(Guid Id, string Number)> AtPayment(string projectName, decimal approvedWan, int instalments = 1)
    {
        var project = await Project(projectName, ProjectFlags.ChainLeader, equipmentWan: 2800, newOutputWan: 1000);
        var enterprise = await As("xiqu.enterprise");
        var created = await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await Measure("xiqu.7"), projectId = project, category = "智改数转" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await UploadXiquChecklist(enterprise, id);
        await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);
        var jxj = await As("xiqu.jxj");
        await Transition(jxj, id, "Pass", "受理");
        foreach (var unit in new[] { "xiqu.fgj", "xiqu.czj" })
            await Json(await (await As(unit)).PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "同意" }), HttpStatusCode.NoContent);
        await Transition(jxj, id, "Pass", "会商通过");
        await Transition(await As("xiqu.chief"), id, "Pass", "专题研究同意");
        var approver = await As("xiqu.approver");
        await Json(await approver.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/approval", new
        {
            amount = approvedWan * Wan, paymentMethod = instalments > 1 ? "Instalments" : "LumpSum", instalments = instalments > 1 ? instalments : (int?)null,
            version = await Version(approver, id),
        }), HttpStatusCode.OK);
        return (id, created.GetProperty("number").GetString()!);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<string> Error(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var json = await Json(response, status);
        return field is null ? json.GetProperty("detail").GetString() ?? json.GetProperty("title").GetString()! : json.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    public static Task<HttpResponseMessage> Upload(HttpClient client, Guid application, int number, string fileName, byte[] content, string? alternative = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(number.ToString(System.Globalization.CultureInfo.InvariantCulture)), "checklistNumber");
        if (alternative is not null) form.Add(new StringContent(alternative), "alternative");
        return client.PostAsync($"/api/v1/incentives/applications/{application}/files", form);
    }

    /// <summary>Uploads one PDF for every required item of 西区's checklist (item 3: the exemption statement).</summary>
    public static async Task UploadXiquChecklist(HttpClient client, Guid application, params int[] skip)
    {
        foreach (var n in new[] { 1, 2, 3, 4, 5 }.Except(skip))
            await Json(await Upload(client, application, n, $"资料{n}.pdf", Pdf, n == 3 ? "无需审批的政策依据说明或政府部门证明" : null), HttpStatusCode.OK);
    }

    public static async Task<JsonElement> Detail(HttpClient client, Guid application) =>
        await Json(await client.GetAsync($"/api/v1/incentives/applications/{application}"), HttpStatusCode.OK);

    public static async Task<int> Version(HttpClient client, Guid application) =>
        (await Detail(client, application)).GetProperty("summary").GetProperty("version").GetInt32();

    public static async Task<JsonElement> Transition(HttpClient client, Guid application, string trigger, string? text, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Json(await client.PostAsJsonAsync($"/api/v1/incentives/applications/{application}/transitions",
            new { trigger, text, version = await Version(client, application) }), expected);
}
