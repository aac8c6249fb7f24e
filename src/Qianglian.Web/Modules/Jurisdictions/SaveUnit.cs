using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>Creates, edits and deletes government units.</summary>
public sealed class SaveUnit(AppDb dbs, CurrentUser user)
{
    public sealed record CreateRequest(Guid JurisdictionId, string Name, UnitKind Kind, IReadOnlyList<string>? Aliases, string? Key);
    public sealed record UpdateRequest(string Name, UnitKind Kind, IReadOnlyList<string>? Aliases, int Version);

    public async Task<UnitView> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageUnits);
        var name = RequireName(request.Name);
        await using var db = dbs.Open();
        var jurisdiction = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Id == request.JurisdictionId, ct)
                           ?? throw new NotFoundException("jurisdictionId", "所属辖区不存在或不在本账号管辖范围内 (jurisdictionId: jurisdiction not found)");
        if (await db.Units.AnyAsync(u => u.JurisdictionId == jurisdiction.Id && u.Name == name, ct))
            throw new ValidationException("name", $"本辖区已有单位“{name}” (a unit of this name exists)");
        var id = Guid.CreateVersion7();
        var key = string.IsNullOrWhiteSpace(request.Key) ? $"{jurisdiction.Code}.{id:N}" : request.Key.Trim();
        // A unit's key is unique across every jurisdiction (packs and workflows name units by key).
        if (await db.IsTakenAsync<GovernmentUnit>(u => u.Key == key, ct))
            throw new ValidationException("key", $"单位标识“{key}”已被使用 (key in use)");
        var unit = new GovernmentUnit
        {
            Id = id, JurisdictionId = jurisdiction.Id, Name = name, Kind = request.Kind, Key = key,
            Aliases = CleanAliases(request.Aliases),
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return UnitView.Of(unit);
    }

    public async Task<UnitView> Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageUnits);
        var name = RequireName(request.Name);
        await using var db = dbs.Open();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct)
                   ?? throw new NotFoundException("unit", "单位不存在 (unit not found)");
        db.ExpectVersion(unit, request.Version);
        unit.Name = name;
        unit.Kind = request.Kind;
        unit.Aliases = CleanAliases(request.Aliases);
        await db.SaveChangesAsync(ct);
        return UnitView.Of(unit);
    }

    public async Task Delete(Guid id, int version, CancellationToken ct)
    {
        user.Require(Permission.ManageUnits);
        await using var db = dbs.Open();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct)
                   ?? throw new NotFoundException("unit", "单位不存在 (unit not found)");
        if (await db.MeasureUnits.AnyAsync(m => m.UnitId == id, ct))
            throw new ConflictException($"“{unit.Name}”已被政策文件的责任分工引用，不能删除 (unit is referenced by measures)");
        // A document above the unit's jurisdiction (a city's) may name it too, out of the caller's sight.
        if (await db.IsReferredToFromOutsideAsync<Policies.MeasureUnit>(m => m.UnitId == id, ct))
            throw new ConflictException($"“{unit.Name}”已被本辖区以外的政策文件引用，不能删除 (unit is referenced by measures of other jurisdictions)");
        db.ExpectVersion(unit, version);
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
    }

    private static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ValidationException("name", "单位名称不能为空 (name is required)") : name.Trim();

    private static List<string> CleanAliases(IReadOnlyList<string>? aliases) =>
        (aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
}
