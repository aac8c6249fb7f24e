using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>The index models: every stored revision the caller can see, and the one that applies to a jurisdiction, subject and year (its own or its nearest ancestor's).</summary>
public sealed class ReadIndexModels(AppDb dbs, CurrentUser user, Policies.PlatformDefaults defaults)
{
    public async Task<IReadOnlyList<IndexModelView>> List(CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var rows = await db.CultivationModels.AsNoTracking().Where(m => m.Kind == ModelKind.Index).ToListAsync(ct);
        return await Views(db, rows.OrderBy(m => m.JurisdictionPath).ThenBy(m => m.Code).ThenByDescending(m => m.Year).ThenByDescending(m => m.Revision).ToList(), ct);
    }

    public async Task<IndexModelView?> Applicable(Guid jurisdictionId, IndexSubject subject, int year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jurisdictionId, ct)
                    ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var row = await ModelCatalog.Resolve(db, place.JurisdictionPath, ModelKind.Index, IndexDefinition.CodeOf(subject), year, ct);
        return row is null ? null : (await Views(db, [row], ct))[0];
    }

    private async Task<List<IndexModelView>> Views(AppDbContext db, IReadOnlyList<CultivationModel> rows, CancellationToken ct)
    {
        var names = await ReadProjects.JurisdictionNames(db, rows.Select(r => r.JurisdictionId), ct);
        return rows.Select(m => new IndexModelView(m.Id, m.JurisdictionId, m.JurisdictionPath, names.GetValueOrDefault(m.JurisdictionId, ""), m.Code, m.Year, m.Revision, m.Name, m.Origin,
            m.CreatedAt, ModelJson.Read<IndexDefinition>(m.Definition), defaults.BasisOfModel(m.FromPack, m.Origin, IndexPackLoader.ListName, m.Code, m.Year))).ToList();
    }
}
