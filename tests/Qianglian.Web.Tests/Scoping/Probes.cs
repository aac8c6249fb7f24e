using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Tests.Scoping;

public enum Target { Own, Other }

/// <summary>
/// How to call each /api/v1 endpoint against an own or other row. Keyed by "METHOD route-pattern" as the host
/// reports it; an endpoint without a probe here fails the matrix, so every new endpoint must be added.
/// </summary>
public static class Probes
{
    public delegate Task<HttpRequestMessage> Probe(ScopingWorld world, string role, Target target);

    private static int counter;
    private static int Next() => Interlocked.Increment(ref counter);

    private static Guid Row<T>(ScopingWorld w, string role, Target t) =>
        t == Target.Own ? w.OwnRow(typeof(T), role) : w.OtherRow(typeof(T), role);

    private static Guid Place(ScopingWorld w, Target t) => t == Target.Own ? w.OwnJurisdiction : w.OtherJurisdiction;

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Send(HttpMethod method, string url, object body) =>
        new(method, url) { Content = JsonContent.Create(body) };

    public static readonly IReadOnlyDictionary<string, Probe> All = new Dictionary<string, Probe>
    {
        ["GET /api/v1/jurisdictions"] = (_, _, _) => Task.FromResult(Get("/api/v1/jurisdictions")),
        ["GET /api/v1/jurisdictions/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/jurisdictions/{Row<Jurisdiction>(w, r, t)}")),
        ["POST /api/v1/jurisdictions"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var parent = await db.Jurisdictions.SingleAsync(j => j.Id == Place(w, t));
            return Send(HttpMethod.Post, "/api/v1/jurisdictions",
                new { parentId = parent.Id, code = $"{parent.Code}-M{Next()}", name = $"矩阵园区{Next()}", level = "Park" });
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
        ["PUT /api/v1/users/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var u = await db.Users.SingleAsync(x => x.Id == Row<Auth.AppUser>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/users/{u.Id}",
                new { displayName = u.DisplayName, roles = new[] { "Leader" }, unitId = (Guid?)null, locked = false, version = u.ConcurrencyStamp });
        },

        ["GET /api/v1/enterprises"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises")),
        ["GET /api/v1/enterprises/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/enterprises/{Row<Modules.Enterprises.Enterprise>(w, r, t)}")),
        ["POST /api/v1/enterprises"] = (w, _, t) =>
        {
            var first17 = $"91510403MA6{Next():D6}";
            return Task.FromResult(Send(HttpMethod.Post, "/api/v1/enterprises",
                new { jurisdictionId = Place(w, t), uscc = first17 + Uscc.CheckCharacter(first17), name = $"矩阵企业{Next()}" }));
        },
        ["PUT /api/v1/enterprises/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var e = await db.Enterprises.SingleAsync(x => x.Id == Row<Modules.Enterprises.Enterprise>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/enterprises/{e.Id}", new { name = e.Name, version = e.Version });
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
    };
}
