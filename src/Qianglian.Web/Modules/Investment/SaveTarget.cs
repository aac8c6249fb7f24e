using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Investment;

/// <summary>Adds, edits and removes entries of a chain's target list (招商目标企业清单).</summary>
public sealed class SaveTarget(AppDb dbs, CurrentUser user)
{
    public sealed record TargetFields(Guid NodeId, string EnterpriseName, TargetPurpose Purpose, TargetSource Source,
        TargetPriority Priority = TargetPriority.Medium, string? Uscc = null, string? Location = null, string? IndustryCode = null, string? Note = null);

    public sealed record CreateRequest(Guid ChainId, TargetFields Target);
    public sealed record UpdateRequest(TargetFields Target, int Version);

    public async Task<Guid> Create(CreateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var f = Normalise(r.Target);
        await using var db = dbs.Open();
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Id == r.ChainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var target = new TargetEnterprise { ChainId = chain.Id, JurisdictionId = chain.JurisdictionId };
        await Check(db, chain, f, null, ct);
        Apply(target, f);
        db.Add(target);
        await db.SaveChangesAsync(ct);
        return target.Id;
    }

    public async Task Update(Guid id, UpdateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var f = Normalise(r.Target);
        await using var db = dbs.Open();
        var target = await Find(db, id, ct);
        var chain = await db.Chains.FirstAsync(c => c.Id == target.ChainId, ct);
        await Check(db, chain, f, id, ct);
        db.ExpectVersion(target, r.Version);
        Apply(target, f);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An entry already pushed stays (its localities work it); one never pushed, or only returned, may go.</summary>
    public async Task Delete(Guid id, int version, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        await using var db = dbs.Open();
        var target = await Find(db, id, ct);
        if (await db.Set<TargetPush>().AnyAsync(p => p.TargetId == id && p.Status != PushStatus.Returned, ct))
            throw new ConflictException($"“{target.EnterpriseName}”已推送给承载地，不能删除 (the target has been pushed)");
        db.ExpectVersion(target, version);
        db.RemoveRange(await db.Set<TargetPush>().Where(p => p.TargetId == id).ToListAsync(ct));
        db.Remove(target);
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<TargetEnterprise> Find(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<TargetEnterprise>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("target", "目标企业不存在 (target not found)");

    internal static TargetFields Normalise(TargetFields f)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool bad, string field, string message) { if (bad) errors[field] = [message]; }
        var name = f.EnterpriseName?.Trim() ?? "";
        Check(name.Length == 0, "enterpriseName", "目标企业名称不能为空 (the enterprise name is required)");
        Check(name.Length > 200, "enterpriseName", "目标企业名称不能超过200字 (name too long)");
        var uscc = string.IsNullOrWhiteSpace(f.Uscc) ? null : EnterpriseRules.NormaliseUscc(f.Uscc);
        if (uscc is not null && EnterpriseRules.Uscc(uscc) is { } usccError) Check(true, "uscc", usccError);
        if (EnterpriseRules.Industry(f.IndustryCode) is { } industryError) Check(true, "industryCode", industryError);
        Check(!Enum.IsDefined(f.Purpose), "purpose", "目标定位应为延链或补链 (purpose: extend or fill)");
        Check(!Enum.IsDefined(f.Source), "source", "来源应为缺口分析、链主供应商名单、以商招商或产业链招商 (unknown source)");
        Check(!Enum.IsDefined(f.Priority), "priority", "优先级应为高、中、低 (unknown priority)");
        if (errors.Count > 0) throw new ValidationException(errors);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return f with { EnterpriseName = name, Uscc = uscc, Location = Clean(f.Location), IndustryCode = EnterpriseRules.NormaliseIndustry(f.IndustryCode), Note = Clean(f.Note) };
    }

    /// <summary>The node is the chain's; the target lies outside the chain's jurisdiction (a registered local enterprise is cultivated, not attracted); no duplicate.</summary>
    internal static async Task Check(AppDbContext db, Chains.Chain chain, TargetFields f, Guid? except, CancellationToken ct)
    {
        if (!await db.ChainNodes.AnyAsync(n => n.Id == f.NodeId && n.ChainId == chain.Id, ct))
            throw new ValidationException("nodeId", "该环节不属于所选产业链 (the node is not of this chain)");
        var local = await db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(chain.JurisdictionPath) && (e.Name == f.EnterpriseName || (f.Uscc != null && e.Uscc == f.Uscc)))
            .Select(e => e.Name).FirstOrDefaultAsync(ct);
        if (local is not null)
            throw new ValidationException("enterpriseName", $"“{local}”是本辖区企业，目标企业清单只列辖区外的招引对象 (a target lies outside the jurisdiction)");
        if (await db.Set<TargetEnterprise>().AnyAsync(t => t.ChainId == chain.Id && t.NodeId == f.NodeId && t.EnterpriseName == f.EnterpriseName && t.Id != except, ct))
            throw new ValidationException("enterpriseName", $"该环节的清单中已有“{f.EnterpriseName}” (already on the list for this node)");
    }

    internal static void Apply(TargetEnterprise t, TargetFields f)
    {
        (t.NodeId, t.EnterpriseName, t.Uscc, t.Location, t.IndustryCode) = (f.NodeId, f.EnterpriseName, f.Uscc, f.Location, f.IndustryCode);
        (t.Purpose, t.Source, t.Priority, t.Note) = (f.Purpose, f.Source, f.Priority, f.Note);
    }
}
