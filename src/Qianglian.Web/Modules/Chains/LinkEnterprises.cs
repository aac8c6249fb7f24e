using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>Puts an enterprise on a chain node with its role (链主/链属/配套) and evidence, changes or removes it.</summary>
public sealed class LinkEnterprises(AppDb dbs, CurrentUser user)
{
    public sealed record LinkRequest(Guid EnterpriseId, ChainRole Role, EvidenceStrength Evidence, string? EvidenceNote);
    public sealed record UpdateRequest(ChainRole Role, EvidenceStrength Evidence, string? EvidenceNote, int Version);

    public async Task<Guid> Link(Guid nodeId, LinkRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var node = await db.ChainNodes.FirstOrDefaultAsync(n => n.Id == nodeId, ct) ?? throw new NotFoundException("node", "环节不存在 (node not found)");
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == request.EnterpriseId, ct)
                         ?? throw new NotFoundException("enterpriseId", "企业不存在或不在本账号管辖范围内 (enterpriseId: enterprise not found)");
        if (await db.EnterpriseNodeLinks.AnyAsync(l => l.NodeId == nodeId && l.EnterpriseId == enterprise.Id, ct))
            throw new ValidationException("enterpriseId", $"“{enterprise.Name}”已在该环节上 (already on this node)");
        var link = new EnterpriseNodeLink
        {
            JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, ChainId = node.ChainId, NodeId = nodeId,
            Role = request.Role, Evidence = request.Evidence, EvidenceNote = Note(request.EvidenceNote, request.Evidence),
        };
        db.EnterpriseNodeLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return link.Id;
    }

    public async Task Update(Guid linkId, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var link = await Find(db, linkId, ct);
        db.ExpectVersion(link, request.Version);
        (link.Role, link.Evidence, link.EvidenceNote) = (request.Role, request.Evidence, Note(request.EvidenceNote, request.Evidence));
        await db.SaveChangesAsync(ct);
    }

    public async Task Unlink(Guid linkId, int version, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var link = await Find(db, linkId, ct);
        db.ExpectVersion(link, version);
        db.EnterpriseNodeLinks.Remove(link);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Confirmed and rejected links need the evidence stated; a probable one may wait for it.</summary>
    private static string? Note(string? note, EvidenceStrength evidence)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is null && evidence != EvidenceStrength.Probable)
            throw new ValidationException("evidenceNote", "确认或否定须写明依据 (confirmed or rejected links need their evidence)");
        return text;
    }

    private static async Task<EnterpriseNodeLink> Find(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.EnterpriseNodeLinks.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("link", "关联不存在 (link not found)");
}
