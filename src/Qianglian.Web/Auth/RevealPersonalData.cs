using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Data;
using Qianglian.Web.Data.Protection;

namespace Qianglian.Web.Auth;

/// <summary>
/// Shows a personal contact value whole — only with <see cref="Permission.RevealPersonalData"/>, only for a row the
/// caller may see (scoping: 404 otherwise), and never without a <see cref="PersonalDataView"/> record of who saw which
/// field of which row when, saved (and so chained into the audit log) before the value is returned.
/// </summary>
public sealed class RevealPersonalData(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Revealed(string Field, string? Value);

    /// <param name="channel">"api" or "page", recorded with the view.</param>
    public async Task<Revealed> UserPhone(Guid userId, string channel, CancellationToken ct)
    {
        user.Require(Permission.RevealPersonalData);
        await using var db = dbs.Open();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.JurisdictionId, u.PhoneNumber }).FirstOrDefaultAsync(ct)
                  ?? throw new NotFoundException("user", "用户不存在 (user not found)");
        db.Add(new PersonalDataView
        {
            JurisdictionId = row.JurisdictionId, Field = PersonalDataFields.UserPhone.Name, EntityKey = userId.ToString(),
            UserId = user.Id, UserName = user.Name, At = clock.GetUtcNow(), Channel = channel,
        });
        await db.SaveChangesAsync(ct);
        return new Revealed("phone", row.PhoneNumber);
    }
}
