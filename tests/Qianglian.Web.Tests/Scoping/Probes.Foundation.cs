using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>Jurisdictions, units, users, enterprises, packs and documents, audit.</summary>
    private static readonly ProbeSet FoundationProbes = new()
    {
        ["GET /api/v1/jurisdictions"] = (_, _, _) => Task.FromResult(Get("/api/v1/jurisdictions")),
        ["GET /api/v1/jurisdictions/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/jurisdictions/{Row<Jurisdiction>(w, r, t)}")),
        ["POST /api/v1/jurisdictions"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var parent = await db.Jurisdictions.SingleAsync(j => j.Id == Place(w, t));
            return Send(HttpMethod.Post, "/api/v1/jurisdictions",
                new { parentId = parent.Id, code = $"{parent.Code}-M{ParkSuffix(Next())}", name = $"矩阵园区{Next()}", level = "Park" });
        },
        ["PUT /api/v1/jurisdictions/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var j = await db.Jurisdictions.SingleAsync(x => x.Id == Row<Jurisdiction>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/jurisdictions/{j.Id}", new { name = j.Name, version = j.Version });
        },

        ["GET /api/v1/units"] = (_, _, _) => Task.FromResult(Get("/api/v1/units")),
        ["GET /api/v1/units/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/units/{Row<GovernmentUnit>(w, r, t)}")),
        ["POST /api/v1/units"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/units",
            new { jurisdictionId = Place(w, t), name = $"矩阵新单位{Next()}", kind = "Government" })),
        ["PUT /api/v1/units/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var u = await db.Units.SingleAsync(x => x.Id == Row<GovernmentUnit>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/units/{u.Id}", new { name = u.Name, kind = u.Kind.ToString(), aliases = u.Aliases, version = u.Version });
        },
        ["DELETE /api/v1/units/{id:guid}"] = async (w, _, t) =>
        {
            // Each delete probe gets a fresh unit, so the shared rows survive.
            await using var db = w.Host.OpenSystem();
            var u = new GovernmentUnit { JurisdictionId = Place(w, t), Key = $"matrix.delete.{Next()}", Name = $"待删除单位{Next()}" };
            db.Units.Add(u);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/units/{u.Id}?version=0");
        },

        ["GET /api/v1/users"] = (_, _, _) => Task.FromResult(Get("/api/v1/users")),
        ["GET /api/v1/users/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/users/{Row<Auth.AppUser>(w, r, t)}")),
        ["POST /api/v1/users"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/users",
            new { userName = $"m.new{Next()}", displayName = "矩阵新用户", jurisdictionId = Place(w, t), roles = new[] { "Leader" } })),
        ["POST /api/v1/users/{id:guid}/password-reset"] = (w, r, t) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{Row<Auth.AppUser>(w, r, t)}/password-reset")),
        ["POST /api/v1/users/{id:guid}/sessions/end"] = (w, r, t) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{Row<Auth.AppUser>(w, r, t)}/sessions/end")),
        ["POST /api/v1/users/{id:guid}/phone/reveal"] = (w, r, t) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{Row<Auth.AppUser>(w, r, t)}/phone/reveal")),
        ["GET /api/v1/users/{id:guid}/sign-ins"] = (w, r, t) => Task.FromResult(Get($"/api/v1/users/{Row<Auth.AppUser>(w, r, t)}/sign-ins")),
        ["POST /api/v1/users/{id:guid}/authenticator/reset"] = (w, r, t) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{Row<Auth.AppUser>(w, r, t)}/authenticator/reset")),
        ["GET /api/v1/auth/sign-ins"] = (_, _, _) => Task.FromResult(Get("/api/v1/auth/sign-ins")),
        ["PUT /api/v1/users/{id:guid}/access"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var u = await db.Users.SingleAsync(x => x.Id == Row<Auth.AppUser>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/users/{u.Id}/access", new { roles = new[] { "Leader" }, locked = false, version = u.ConcurrencyStamp });
        },
        ["PUT /api/v1/users/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var u = await db.Users.SingleAsync(x => x.Id == Row<Auth.AppUser>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/users/{u.Id}",
                new { displayName = u.DisplayName, roles = new[] { "Leader" }, unitId = (Guid?)null, locked = false, version = u.ConcurrencyStamp });
        },

        ["GET /api/v1/enterprises"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises")),
        ["GET /api/v1/enterprises/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/enterprises/{Row<Enterprise>(w, r, t)}")),
        ["POST /api/v1/enterprises"] = (w, _, t) =>
        {
            var first17 = $"91510403MA6{Next():D6}";
            return Task.FromResult(Send(HttpMethod.Post, "/api/v1/enterprises",
                new { jurisdictionId = Place(w, t), uscc = first17 + Uscc.CheckCharacter(first17), name = $"矩阵企业{Next()}" }));
        },
        ["PUT /api/v1/enterprises/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var e = await db.Enterprises.SingleAsync(x => x.Id == Row<Enterprise>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/enterprises/{e.Id}", new { name = e.Name, version = e.Version });
        },

        ["GET /api/v1/enterprises/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/template.xlsx")),
        ["GET /api/v1/enterprises/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/export.xlsx")),
        ["PUT /api/v1/enterprises/{id:guid}/facts/{year:int}"] = async (w, r, t) =>
        {
            // Send the version of the year's facts if some other probe already wrote them.
            var (id, year) = (Row<Enterprise>(w, r, t), 2001 + Next() % 20);
            await using var db = w.Host.OpenSystem();
            var version = await db.EnterpriseFacts.Where(f => f.EnterpriseId == id && f.Year == year).Select(f => (int?)f.Version).FirstOrDefaultAsync() ?? 0;
            return Send(HttpMethod.Put, $"/api/v1/enterprises/{id}/facts/{year}",
                new { revenue = 30_000_000m, outputValue = 0, valueAdded = 0, profit = -1, taxPaid = 0, employees = 50, rdSpend = 0, inventionPatents = 0,
                    energyTce = 0, electricityKwh = 0, emissionsTonnes = 0, landMu = 10, version });
        },
        ["POST /api/v1/enterprises/{id:guid}/honours"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post,
            $"/api/v1/enterprises/{Row<Enterprise>(w, r, t)}/honours", NextHonour())),
        ["DELETE /api/v1/honours/{id:guid}"] = async (w, r, t) =>
        {
            var enterprise = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r);
            await using var db = w.Host.OpenSystem();
            // A year within the bounds of a save (1949–2100), free for this enterprise's honour, away from NextHonour's.
            var taken = await db.EnterpriseHonours.Where(h => h.EnterpriseId == enterprise && h.Kind == HonourKind.HiddenChampion && h.Level == HonourLevel.Municipal)
                .Select(h => h.Year).ToListAsync();
            var honour = new EnterpriseHonour
            {
                EnterpriseId = enterprise, JurisdictionId = (await db.Enterprises.SingleAsync(e => e.Id == enterprise)).JurisdictionId,
                Kind = HonourKind.HiddenChampion, Level = HonourLevel.Municipal, Year = Enumerable.Range(2030, 71).Reverse().First(y => !taken.Contains(y)),
            };
            db.EnterpriseHonours.Add(honour);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/honours/{honour.Id}");
        },
        ["GET /api/v1/honours"] = (_, _, _) => Task.FromResult(Get("/api/v1/honours?year=2025")),
        ["POST /api/v1/honours"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/honours",
            new { jurisdictionId = Place(w, t), kind = "GreenPark", level = "Provincial", year = 2024, holderName = $"矩阵园区{Next()}", documentNumber = "矩阵〔2024〕1号" })),
        ["GET /api/v1/honours/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/honours/template.xlsx")),
        ["GET /api/v1/honours/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/honours/export.xlsx?year=2025")),
        ["POST /api/v1/honours/import"] = async (w, r, t) =>
        {
            var id = Row<Enterprise>(w, r, t);
            await using var db = w.Host.OpenSystem();
            var uscc = (await db.Enterprises.SingleAsync(e => e.Id == id)).Uscc;
            var file = Shared.Excel.Workbooks.Rows(HonourRegistry.SheetName, [new Dictionary<string, object?>
            {
                [HonourRegistry.KindColumn] = "科技型中小企业", [HonourRegistry.LevelColumn] = "国家级", [HonourRegistry.YearColumn] = 2000 + Next() % 27, [HonourRegistry.UsccColumn] = uscc,
            }]);
            var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "honours.xlsx" } };
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/honours/import") { Content = form };
        },
        ["GET /api/v1/enterprises/facts/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/facts/template.xlsx")),
        ["GET /api/v1/enterprises/facts/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/facts/export.xlsx")),
        ["POST /api/v1/enterprises/facts/import"] = async (w, r, t) =>
        {
            var id = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r);
            await using var db = w.Host.OpenSystem();
            var uscc = (await db.Enterprises.SingleAsync(e => e.Id == id)).Uscc;
            var file = Shared.Excel.Workbooks.Rows("企业年度数据", [new Dictionary<string, object?> { ["统一社会信用代码"] = uscc, ["年度"] = 2001 + Next() % 20, ["营业收入（万元）"] = 100 }]);
            var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "facts.xlsx" } };
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/enterprises/facts/import") { Content = form };
        },
        ["POST /api/v1/enterprises/import"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var code = (await db.Jurisdictions.SingleAsync(j => j.Id == Place(w, t))).Code;
            var first17 = $"91510403MB7{Next():D6}";
            var file = Shared.Excel.Workbooks.Rows("企业名录", [new Dictionary<string, object?>
            {
                ["统一社会信用代码"] = first17 + Uscc.CheckCharacter(first17), ["企业名称"] = $"导入矩阵企业{Next()}", ["所属辖区代码"] = code,
            }]);
            var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "enterprises.xlsx" } };
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/enterprises/import") { Content = form };
        },

        ["GET /api/v1/packs"] = (_, _, _) => Task.FromResult(Get("/api/v1/packs")),
        ["GET /api/v1/documents"] = (_, _, _) => Task.FromResult(Get("/api/v1/documents")),
        ["GET /api/v1/documents/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/documents/{Row<Modules.Policies.PolicyDocument>(w, r, t)}")),
        ["GET /api/v1/documents/{id:guid}/matrix"] = (w, r, t) => Task.FromResult(Get($"/api/v1/documents/{Row<Modules.Policies.PolicyDocument>(w, r, t)}/matrix")),
        ["GET /api/v1/documents/{id:guid}/matrix.xlsx"] = (w, r, t) => Task.FromResult(Get($"/api/v1/documents/{Row<Modules.Policies.PolicyDocument>(w, r, t)}/matrix.xlsx")),
        ["POST /api/v1/documents"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/documents", new
        {
            jurisdictionId = Place(w, t),
            text = $"矩阵测试文件{Next()}\n一、第一条措施。内容。\n〔责任单位：区经济和信息化局〕\n二、第二条措施。内容。\n〔责任单位：区财政局〕\n",
        })),

        ["GET /api/v1/audit"] = (_, _, _) => Task.FromResult(Get("/api/v1/audit?pageSize=500")),
        ["GET /api/v1/audit/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/audit/export.xlsx")),
    };
}
