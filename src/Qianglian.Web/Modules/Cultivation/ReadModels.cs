using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>The stored model revisions of the caller's jurisdictions, and the ones that apply to a jurisdiction and year.</summary>
public sealed class ReadModels(AppDb dbs, CurrentUser user, Policies.PlatformDefaults defaults)
{
    public async Task<IReadOnlyList<ModelView>> List(CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var rows = await db.CultivationModels.AsNoTracking().Where(m => m.Kind != ModelKind.Index).OrderBy(m => m.JurisdictionPath).ThenBy(m => m.Code).ThenByDescending(m => m.Year).ThenByDescending(m => m.Revision).ToListAsync(ct);
        return rows.Select(m => SaveModel.View(m, defaults)).ToList();
    }

    public async Task<ModelView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var row = await db.CultivationModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Kind != ModelKind.Index, ct) ?? throw new NotFoundException("model", "评价模型不存在 (model not found)");
        return SaveModel.View(row, defaults);
    }

    /// <summary>Every code's applicable revision for the jurisdiction and year (its own or an ancestor's).</summary>
    public async Task<IReadOnlyList<ModelView>> Effective(Guid jurisdictionId, int year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jurisdictionId, ct) ?? throw new NotFoundException("jurisdiction", "辖区不存在 (jurisdiction not found)");
        var models = await db.InheritedAsync<CultivationModel>([place.JurisdictionPath], ct, m => m.Kind != ModelKind.Index);
        return models.GroupBy(m => (m.Kind, m.Code)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Code)
            .Select(g => ModelCatalog.Applicable(g, year)).OfType<CultivationModel>().Select(m => SaveModel.View(m, defaults)).ToList();
    }
}
