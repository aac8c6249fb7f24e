using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>The measures and workflows configured in the caller's jurisdiction and below (and one measure above it that governs it, by id).</summary>
public sealed class ReadMeasures(AppDb dbs, CurrentUser user, Policies.PlatformDefaults defaults)
{
    public async Task<IReadOnlyList<IncentiveMeasureView>> List(bool includeInactive, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var rows = await db.Set<IncentiveMeasure>().AsNoTracking().Where(m => includeInactive || m.Active)
            .OrderBy(m => m.JurisdictionPath).ThenBy(m => m.PackCode).ThenBy(m => m.Ordinal).ThenBy(m => m.Key).ToListAsync(ct);
        return rows.Select(m => IncentiveMeasureView.Of(m, defaults)).ToList();
    }

    public async Task<IncentiveMeasureView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        return IncentiveMeasureView.Of(await IncentiveCases.GoverningMeasureAsync(db, id, ct)
                                       ?? throw new NotFoundException("measure", "政策兑现措施不存在 (measure not found)"), defaults);
    }

    public async Task<IReadOnlyList<WorkflowView>> Workflows(CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var rows = await db.Set<IncentiveWorkflow>().AsNoTracking().OrderBy(w => w.JurisdictionPath).ThenBy(w => w.Key).ToListAsync(ct);
        return rows.Select(w => WorkflowView.Of(w, defaults)).ToList();
    }
}
