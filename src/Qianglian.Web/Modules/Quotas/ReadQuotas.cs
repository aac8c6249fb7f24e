using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Quotas;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>A chain's quota ledger for a year, and the allocations and use of every chain of the caller's scope.</summary>
public sealed class ReadQuotas(AppDb dbs, CurrentUser user)
{
    public async Task<QuotaLedgerView> Ledger(Guid chainId, int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewQuotas);
        await using var db = dbs.Open();
        var chain = await QuotaPools.ChainAsync(db, chainId, "chain", ct);
        var y = year ?? throw new ValidationException("year", "请填写年度 (the year is required)");
        QuotaPools.Refuse(QuotaBalance.CheckYear(y));
        var figures = await QuotaFigures.ForAsync(db, y, null, chain.Id, ct);
        var requests = await db.Set<QuotaRequest>().AsNoTracking().Where(r => r.ChainId == chain.Id && r.Year == y)
            .OrderBy(r => r.Status).ThenBy(r => r.RequestedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        var uses = (await db.Set<QuotaUse>().AsNoTracking().Where(u => requestIds.Contains(u.RequestId)).ToListAsync(ct))
            .OrderBy(u => u.UsedOn).ToLookup(u => u.RequestId);
        var projectIds = requests.Select(r => r.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var movements = await db.Set<QuotaMovement>().AsNoTracking().Where(m => m.ChainId == chain.Id && m.Year == y).OrderBy(m => m.On).ThenBy(m => m.Id).ToListAsync(ct);
        var others = movements.Where(m => m.CounterpartChainId is not null).Select(m => m.CounterpartChainId!.Value).Distinct().ToList();
        var names = await db.Chains.AsNoTracking().Where(c => others.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var me = await db.ActingCallerAsync(user.Name, ct);
        return new QuotaLedgerView(chain.Id, chain.Name, chain.JurisdictionPath, y,
            user.Can(Permission.AllocateQuotas) && AllocateQuota.MayAllocate(user.Roles, me, chain.Id),
            figures.Select(f => QuotaFigures.View(f.Element, f.Figures)).ToList(),
            requests.Select(r => new QuotaRequestView(r.Id, r.JurisdictionPath, r.ProjectId, projects.GetValueOrDefault(r.ProjectId, ""), r.Element,
                QuotaElements.Unit(r.Element), r.Requested, r.Justification, r.RequestedBy, r.RequestedOn, r.Status, r.Allocated, r.Consumed, r.DecidedBy,
                r.DecidedOn, r.DecisionNote, r.Version, uses[r.Id].Select(u => new QuotaUseView(u.Id, u.Amount, u.UsedOn, u.Note, u.RecordedBy)).ToList())).ToList(),
            movements.Select(m => new QuotaMovementView(m.Id, m.Kind, m.Element, QuotaElements.Unit(m.Element), m.Amount,
                m.CounterpartChainId is { } other ? names.GetValueOrDefault(other) : null, m.Basis, m.On, m.RecordedBy)).ToList());
    }

    /// <summary>Every chain's allocations and use of the year in the caller's scope (or under one of its jurisdictions).</summary>
    public async Task<IReadOnlyList<QuotaUseRow>> Use(int? year, Guid? jurisdictionId, CancellationToken ct)
    {
        user.Require(Permission.ViewQuotas);
        await using var db = dbs.Open();
        var y = year ?? throw new ValidationException("year", "请填写年度 (the year is required)");
        QuotaPools.Refuse(QuotaBalance.CheckYear(y));
        string? under = null;
        if (jurisdictionId is { } j)
            under = await db.Jurisdictions.AsNoTracking().Where(x => x.Id == j).Select(x => x.JurisdictionPath).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var figures = await QuotaFigures.ForAsync(db, y, under, null, ct);
        var ids = figures.Select(f => f.ChainId).Distinct().ToList();
        var chains = await db.Chains.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return figures.Where(f => chains.ContainsKey(f.ChainId)).Select(f =>
        {
            var c = chains[f.ChainId];
            var v = f.Figures;
            return new QuotaUseRow(c.Id, c.Name, c.JurisdictionPath, y, f.Element, QuotaElements.Unit(f.Element), v.Pool, v.Allocated, v.Consumed, v.Unallocated,
                v.AllocatedShare, v.UsedShare);
        }).OrderBy(r => r.JurisdictionPath).ThenBy(r => r.Chain).ThenBy(r => r.Element).ToList();
    }
}
