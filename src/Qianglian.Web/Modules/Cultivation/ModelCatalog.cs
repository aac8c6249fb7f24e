using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Finds the model that applies to a jurisdiction and year: its own or its nearest ancestor's (a county uses its
/// city's chain-leader model and the nation's 专精特新 criteria), of the greatest year not after the one asked,
/// latest revision. Ancestors' models are read whatever the caller's scope: they are the rules, not data about others.
/// </summary>
public static class ModelCatalog
{
    public const string ChainLeader = "chain-leader", PerMuAbove = "per-mu-above", PerMuBelow = "per-mu-below";
    public const string InnovativeSme = "innovative-sme", SrdiSme = "srdi-sme", LittleGiant = "little-giant", SettingsCode = "settings";

    public static async Task<CultivationModel?> Resolve(AppDbContext db, string jurisdictionPath, ModelKind kind, string code, int year, CancellationToken ct)
    {
        var ancestors = Qianglian.Core.Jurisdictions.JurisdictionPath.SelfAndAncestors(jurisdictionPath);
        var candidates = await db.CultivationModels.IgnoreQueryFilters().AsNoTracking()
            .Where(m => ancestors.Contains(m.JurisdictionPath) && m.Kind == kind && m.Code == code && m.Year <= year)
            .ToListAsync(ct);
        return candidates.OrderByDescending(m => m.JurisdictionPath.Length).ThenByDescending(m => m.Year).ThenByDescending(m => m.Revision).FirstOrDefault();
    }

    public static async Task<(CultivationModel Row, ScoringModel Model)> RequireScoring(AppDbContext db, string path, string code, int year, CancellationToken ct)
    {
        var row = await Resolve(db, path, ModelKind.Scoring, code, year, ct)
                  ?? throw new ValidationException("year", $"本辖区没有适用于{year}年的评价模型“{code}”，请先在“评价模型”中设置 (no model {code} for {year})");
        return (row, ModelJson.Read<ScoringModel>(row.Definition));
    }

    public static async Task<ConditionSet?> Conditions(AppDbContext db, string path, string code, int year, CancellationToken ct) =>
        await Resolve(db, path, ModelKind.Conditions, code, year, ct) is { } row ? ModelJson.Read<ConditionSet>(row.Definition) : null;

    public static async Task<CultivationSettings> Settings(AppDbContext db, string path, int year, CancellationToken ct) =>
        await Resolve(db, path, ModelKind.Settings, SettingsCode, year, ct) is { } row ? ModelJson.Read<CultivationSettings>(row.Definition) : CultivationSettings.Default;

    /// <summary>A model by id, as stored (a run re-computes with exactly this).</summary>
    public static async Task<ScoringModel> ById(AppDbContext db, Guid id, CancellationToken ct) =>
        ModelJson.Read<ScoringModel>((await db.CultivationModels.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id, ct)).Definition);
}
