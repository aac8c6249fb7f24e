using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>Renames a jurisdiction. Code and parent are fixed: every scoped row's path is built from them.</summary>
public sealed class RenameJurisdiction(AppDb dbs, CurrentUser user)
{
    public sealed record Request(string Name, int Version);

    public async Task<JurisdictionView> Handle(Guid id, Request request, CancellationToken ct)
    {
        user.Require(Permission.ManageJurisdictions);
        if (string.IsNullOrWhiteSpace(request.Name))
            throw new ValidationException("name", "名称不能为空 (name is required)");
        await using var db = dbs.Open();
        var j = await db.Jurisdictions.FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("jurisdiction", "辖区不存在 (jurisdiction not found)");
        db.ExpectVersion(j, request.Version);
        j.Name = request.Name.Trim();
        await db.SaveChangesAsync(ct);
        return JurisdictionView.Of(j);
    }
}
