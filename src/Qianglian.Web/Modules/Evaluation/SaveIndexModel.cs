using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// Saves a jurisdiction's chain or park index model for a year as the next revision of its code (a stored revision
/// is never changed, so past runs keep the model they used). Refused, naming every bad field, when the weights do
/// not sum to 100, a benchmark is not above zero, an input has no data source, or a praised class does not exist.
/// </summary>
public sealed class SaveIndexModel(AppDb dbs, CurrentUser user, TimeProvider clock, MetricRegistry metrics)
{
    public sealed record Request(Guid? JurisdictionId, int? Year, JsonElement Definition);

    public async Task<Guid> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        if (r.Year is not (>= 2000 and <= 2100)) throw new ValidationException("year", $"年度无效：{r.Year} (year out of range)");
        IndexDefinition definition;
        try
        {
            definition = r.Definition.ValueKind == JsonValueKind.Object ? r.Definition.Deserialize<IndexDefinition>(ModelJson.Options) ?? new() : throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            throw new ValidationException("definition" + (e.Path is { Length: > 1 } p ? p.TrimStart('$') : ""), $"模型格式有误 (invalid definition): {e.Message}");
        }
        var errors = IndexDefinition.Validate(definition, metrics.Supports);
        if (errors.Count > 0)
            throw new ValidationException(errors.GroupBy(e => "definition." + e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

        await using var db = dbs.Open();
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == r.JurisdictionId, ct)
                    ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var code = definition.Model.Code;
        var json = ModelJson.Write(definition);
        var last = await db.CultivationModels.AsNoTracking().Where(m => m.JurisdictionId == place.Id && m.Kind == ModelKind.Index && m.Code == code && m.Year == r.Year)
            .OrderByDescending(m => m.Revision).FirstOrDefaultAsync(ct);
        var hash = ModelJson.Hash(json);
        if (last?.ContentHash == hash) return last.Id;
        var row = new CultivationModel
        {
            JurisdictionId = place.Id, Kind = ModelKind.Index, Code = code, Name = definition.Model.Name, Year = r.Year.Value, Revision = (last?.Revision ?? 0) + 1,
            Definition = json, ContentHash = hash, Origin = $"用户 {user.Name}", CreatedAt = clock.GetUtcNow(),
        };
        db.CultivationModels.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }
}
