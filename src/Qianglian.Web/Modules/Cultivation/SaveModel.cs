using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Saves a jurisdiction's parameters for a year as the next revision of a model code (never changing a stored one):
/// the coordination office adjusts weights, benchmarks and bands, and past runs keep the revision they used.
/// </summary>
public sealed class SaveModel(AppDb dbs, CurrentUser user, TimeProvider clock, Policies.PlatformDefaults defaults)
{
    public sealed record Request(Guid JurisdictionId, ModelKind Kind, int Year, JsonElement Definition);

    public async Task<ModelView> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageCultivation);
        if (r.Year is < 2000 or > 2100) throw new ValidationException("year", $"年度 {r.Year} 无效 (year out of range)");
        if (r.Kind is not (ModelKind.Scoring or ModelKind.Conditions or ModelKind.Settings))
            throw new ValidationException("kind", "评价指数模型请在“评价指数”中维护 (index models are kept by the evaluation module)");
        var (code, name, json) = Parse(r.Kind, r.Definition);
        await using var db = dbs.Open();
        var place = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Id == r.JurisdictionId, ct) ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var last = await db.CultivationModels.Where(m => m.JurisdictionId == place.Id && m.Kind == r.Kind && m.Code == code && m.Year == r.Year)
            .OrderByDescending(m => m.Revision).FirstOrDefaultAsync(ct);
        var hash = ModelJson.Hash(json);
        if (last?.ContentHash == hash) return View(last, defaults);
        var row = new CultivationModel
        {
            JurisdictionId = place.Id, Kind = r.Kind, Code = code, Name = name, Year = r.Year, Revision = (last?.Revision ?? 0) + 1,
            Definition = json, ContentHash = hash, Origin = $"用户 {user.Name}", CreatedAt = clock.GetUtcNow(),
        };
        db.CultivationModels.Add(row);
        await db.SaveChangesAsync(ct);
        return View(row, defaults);
    }

    /// <summary>Reads and validates a definition; every problem is named by its field.</summary>
    internal static (string Code, string Name, string Json) Parse(ModelKind kind, JsonElement definition)
    {
        try
        {
            switch (kind)
            {
                case ModelKind.Scoring:
                {
                    var model = definition.Deserialize<ScoringModel>(ModelJson.Options) ?? new ScoringModel();
                    Throw(ModelValidator.Validate(model, Inputs.IsKnown));
                    return (model.Code, model.Name, ModelJson.Write(model));
                }
                case ModelKind.Conditions:
                {
                    var set = definition.Deserialize<ConditionSet>(ModelJson.Options) ?? new ConditionSet();
                    Throw(Conditions.Validate(set, Inputs.IsKnown));
                    return (set.Code, set.Name, ModelJson.Write(set));
                }
                default:
                {
                    var settings = definition.Deserialize<CultivationSettings>(ModelJson.Options) ?? new CultivationSettings();
                    Throw(ModelJson.ValidateSettings(settings));
                    return (ModelCatalog.SettingsCode, "培育工作参数", ModelJson.Write(settings));
                }
            }
        }
        catch (JsonException e)
        {
            throw new ValidationException("definition" + (e.Path is { Length: > 1 } p ? p.TrimStart('$') : ""), $"定义格式有误 (invalid definition): {e.Message}");
        }
    }

    private static void Throw(IReadOnlyList<ModelError> errors)
    {
        if (errors.Count > 0)
            throw new ValidationException(errors.GroupBy(e => "definition." + e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }

    internal static ModelView View(CultivationModel m, Policies.PlatformDefaults defaults) =>
        new(m.Id, m.Kind, m.Code, m.Year, m.Revision, m.Name, m.Origin, m.JurisdictionId, m.JurisdictionPath, m.CreatedAt, m.Definition, m.Version,
            defaults.BasisOfModel(m.FromPack, m.Origin, CultivationPackLoader.ListOf(m.Kind), m.Code, m.Year));
}
