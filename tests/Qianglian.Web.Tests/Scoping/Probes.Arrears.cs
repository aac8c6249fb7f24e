using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Arrears;
using Qianglian.Web.Modules.Arrears;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>清欠: the arrears ledger, its verification, plans, repayments and cleared share.</summary>
    private static readonly ProbeSet ArrearsProbes = new()
    {
        ["GET /api/v1/arrears/claims"] = (_, _, _) => Task.FromResult(Get("/api/v1/arrears/claims")),
        ["GET /api/v1/arrears/claims/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/arrears/claims/export.xlsx")),
        ["GET /api/v1/arrears/cleared-share"] = (_, _, _) => Task.FromResult(Get("/api/v1/arrears/cleared-share?by=Locality")),
        ["GET /api/v1/arrears/claims/{id:guid}"] = async (w, r, t) => Get($"/api/v1/arrears/claims/{(await FreshClaim(w, t, ClaimStatus.Filed)).Id}"),
        ["POST /api/v1/arrears/claims"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/arrears/claims", new
        {
            enterpriseId = t == Target.Own ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other,
            debtorKind = "StateOwnedEnterprise", debtorName = $"矩阵欠款方{Next()}", amount = 10_000m, basis = "合同", dueOn = "2026-06-30",
        })),
        ["POST /api/v1/arrears/claims/{id:guid}/verify"] = async (w, _, t) =>
        {
            var c = await FreshClaim(w, t, ClaimStatus.Filed);
            return Send(HttpMethod.Post, $"/api/v1/arrears/claims/{c.Id}/verify", new { agrees = true, agreedAmount = 10_000m, version = c.Version });
        },
        ["PUT /api/v1/arrears/claims/{id:guid}/plan"] = async (w, _, t) =>
        {
            var c = await FreshClaim(w, t, ClaimStatus.Agreed);
            return Send(HttpMethod.Put, $"/api/v1/arrears/claims/{c.Id}/plan", new { instalments = new[] { new { dueOn = "2026-12-31", amount = 10_000m } }, version = c.Version });
        },
        ["POST /api/v1/arrears/claims/{id:guid}/repayments"] = async (w, _, t) =>
        {
            var c = await FreshClaim(w, t, ClaimStatus.Agreed);
            return Send(HttpMethod.Post, $"/api/v1/arrears/claims/{c.Id}/repayments", new { amount = 1_000m, version = c.Version });
        },
        ["POST /api/v1/arrears/claims/{id:guid}/attachments"] = async (w, _, t) =>
        {
            var c = await FreshClaim(w, t, ClaimStatus.Filed);
            var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "合同.pdf" } };
            return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/arrears/claims/{c.Id}/attachments") { Content = form };
        },
        ["GET /api/v1/arrears/attachments/{id:guid}"] = async (w, _, t) =>
        {
            var c = await FreshClaim(w, t, ClaimStatus.Filed);
            await using var db = w.Host.OpenSystem();
            var a = new ArrearsAttachment
            {
                JurisdictionId = c.JurisdictionId, ClaimId = c.Id, EnterpriseId = c.EnterpriseId, FileName = "a.pdf", ContentType = "application/pdf",
                Content = "%PDF-1.4\n%%EOF\n"u8.ToArray(), Size = 15, Sha256 = "x", UploadedAt = DateTimeOffset.UtcNow,
            };
            db.Add(a);
            await db.SaveChangesAsync();
            return Get($"/api/v1/arrears/attachments/{a.Id}");
        },
    };

    /// <summary>A claim of the own enterprise (the enterprise user's) or of 达州's, in the state the probe needs.</summary>
    private static async Task<ArrearsClaim> FreshClaim(ScopingWorld w, Target t, ClaimStatus status)
    {
        await using var db = w.Host.OpenSystem();
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == (t == Target.Own ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other));
        var claim = new ArrearsClaim
        {
            JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, DebtorKind = DebtorKind.StateOwnedEnterprise, DebtorName = $"探针欠款方{Next()}",
            ClaimedAmount = 10_000m, Basis = "探针", DueOn = new DateOnly(2026, 6, 30), FiledBy = "探针", FiledAt = DateTimeOffset.UtcNow, Status = status,
            AgreedAmount = status == ClaimStatus.Filed ? null : 10_000m,
        };
        db.Add(claim);
        await db.SaveChangesAsync();
        return claim;
    }
}
