using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>Creates and renames chains (a pack's chains come from the pack; a jurisdiction adds the ones it builds).</summary>
public sealed class SaveChain(AppDb dbs, CurrentUser user)
{
    public sealed record CreateRequest(Guid JurisdictionId, string Name, Guid? EcosystemId);
    public sealed record UpdateRequest(string Name, Guid? EcosystemId, int Version);

    public async Task<ChainSummary> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var name = RequireName(request.Name);
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == request.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在或不在本账号管辖范围内 (jurisdictionId: jurisdiction not found)");
        await CheckEcosystem(db, request.EcosystemId, request.JurisdictionId, ct);
        if (await db.Chains.AnyAsync(c => c.JurisdictionId == request.JurisdictionId && c.Name == name, ct))
            throw new ValidationException("name", $"本辖区已有产业链“{name}” (a chain of this name exists)");
        var chain = new Chain { JurisdictionId = request.JurisdictionId, Name = name, EcosystemId = request.EcosystemId, Ordinal = 1000 };
        db.Chains.Add(chain);
        await db.SaveChangesAsync(ct);
        return new ChainSummary(chain.Id, chain.Name, chain.EcosystemId, null, chain.JurisdictionId, chain.JurisdictionPath, 0, 0, chain.Version);
    }

    public async Task Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var name = RequireName(request.Name);
        await using var db = dbs.Open();
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        await CheckEcosystem(db, request.EcosystemId, chain.JurisdictionId, ct);
        if (await db.Chains.AnyAsync(c => c.Id != id && c.JurisdictionId == chain.JurisdictionId && c.Name == name, ct))
            throw new ValidationException("name", $"本辖区已有产业链“{name}” (a chain of this name exists)");
        db.ExpectVersion(chain, request.Version);
        (chain.Name, chain.EcosystemId) = (name, request.EcosystemId);
        await db.SaveChangesAsync(ct);
    }

    private static async Task CheckEcosystem(AppDbContext db, Guid? ecosystemId, Guid jurisdictionId, CancellationToken ct)
    {
        if (ecosystemId is { } e && !await db.Ecosystems.AnyAsync(x => x.Id == e && x.JurisdictionId == jurisdictionId, ct))
            throw new ValidationException("ecosystemId", "生态圈不属于该辖区 (the ecosystem is not of this jurisdiction)");
    }

    private static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ValidationException("name", "产业链名称不能为空 (name is required)") : name.Trim();
}
