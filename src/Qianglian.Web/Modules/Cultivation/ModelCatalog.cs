using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Finds the model that applies to a jurisdiction and year: its own or its nearest ancestor's (a county uses its
/// city's chain-leader model and the nation's 专精特新 criteria), of the greatest year not after the one asked,
/// latest revision. Ancestors' models are the rules, not data about others: read through the inherited-configuration door.
/// </summary>
public static class ModelCatalog
{
    public const string ChainLeader = "chain-leader", PerMuAbove = "per-mu-above", PerMuBelow = "per-mu-below";
    public const string InnovativeSme = "innovative-sme", SrdiSme = "srdi-sme", LittleGiant = "little-giant", SettingsCode = "settings";

    public static async Task<CultivationModel?> Resolve(AppDbContext db, string jurisdictionPath, ModelKind kind, string code, int year, CancellationToken ct)
    {
        var candidates = await db.InheritedAsync<CultivationModel>([jurisdictionPath], ct, m => m.Kind == kind && m.Code == code && m.Year <= year);
        return Applicable(candidates, year);
    }

    /// <summary>Of the revisions of one code kept at a place and its ancestors, the one that applies in the year.</summary>
    public static CultivationModel? Applicable(IEnumerable<CultivationModel> candidates, int year) =>
        candidates.Where(m => m.Year <= year)
            .OrderByDescending(m => m.JurisdictionPath.Length).ThenByDescending(m => m.Year).ThenByDescending(m => m.Revision).FirstOrDefault();

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

    /// <summary>
    /// A model by id, as stored (a run re-computes with exactly this), kept at <paramref name="place"/> or above it: a
    /// result's model is its run's, kept at the run's jurisdiction or an ancestor, so above the result's own place.
    /// </summary>
    public static async Task<CultivationModel> RowById(AppDbContext db, Guid id, string place, CancellationToken ct) =>
        await db.FindInheritedAsync<CultivationModel>(id, place, ct) ?? throw new NotFoundException("model", "评价模型不存在 (model not found)");

    /// <summary>
    /// The group a per-mu grading ranks an enterprise in, by the model that graded it (安康 七 亩均论英雄: 规上 and 规下
    /// enterprises are graded by their own models and ranked each among their own): 规上企业 / 规下企业, or null.
    /// </summary>
    public static string? GroupOf(string code) => code switch { PerMuAbove => "规上企业", PerMuBelow => "规下企业", _ => null };

    /// <summary>The group of each model of a grading run (<see cref="GroupOf"/>), by model id; empty for a tier review.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> GroupsAsync(AppDbContext db, EvaluationRun run, CancellationToken ct)
    {
        if (run.Kind != RunKind.Grading) return new Dictionary<Guid, string>();
        var used = run.ModelIds;
        var models = await db.InheritedAsync<CultivationModel>([run.JurisdictionPath], ct, m => used.Contains(m.Id));
        return models.Where(m => GroupOf(m.Code) is not null).ToDictionary(m => m.Id, m => GroupOf(m.Code)!);
    }

    /// <inheritdoc cref="RowById"/>
    public static async Task<ScoringModel> ById(AppDbContext db, Guid id, string place, CancellationToken ct) =>
        ModelJson.Read<ScoringModel>((await RowById(db, id, place, ct)).Definition);
}
