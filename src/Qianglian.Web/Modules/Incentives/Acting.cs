using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>Who the caller is for a stage (roles, unit, chain chief of the application's chain), and who a stage wants.</summary>
internal static class Acting
{
    private static readonly IReadOnlyDictionary<string, string> RoleNames = new Dictionary<string, string>
    {
        [Roles.Administrator] = "系统管理员", [Roles.CoordinationOffice] = "融圈强链办", [Roles.ChainChief] = "链长",
        [Roles.LeadDepartment] = "牵头部门", [Roles.LocalOperator] = "县区/园区经办人", [Roles.EnterpriseUser] = "企业用户", [Roles.Leader] = "领导",
    };

    public sealed record Me(ActingUser User, string? UnitName);

    public static async Task<Me> Of(AppDbContext db, CurrentUser user, IncentiveApplication application, CancellationToken ct)
    {
        var id = user.Id;
        // The caller's own account and unit, wherever the unit sits (a city unit may act on a district file).
        var unit = await (from u in db.Users.IgnoreQueryFilters()
                          join x in db.Units.IgnoreQueryFilters() on u.UnitId equals x.Id
                          where u.Id == id
                          select new { x.Key, x.Name }).FirstOrDefaultAsync(ct);
        var chief = application.ChainId is { } chain && id is not null
                    && await db.Chains.IgnoreQueryFilters().AnyAsync(c => c.Id == chain && c.ChiefUserId == id, ct);
        return new Me(new ActingUser(user.Roles, unit?.Key, chief), unit?.Name);
    }

    /// <summary>"区经济和信息化局", "项目所属产业链的链长", "融圈强链办（区财政局）" — for refusals and the page.</summary>
    public static async Task<string> Describe(AppDbContext db, StageActor actor, CancellationToken ct)
    {
        var parts = new List<string>();
        if (actor.Unit is { } key)
            parts.Add(await db.Units.IgnoreQueryFilters().Where(u => u.Key == key).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? key);
        if (actor.Roles.Count > 0) parts.Add(string.Join("或", actor.Roles.Select(r => RoleNames.GetValueOrDefault(r, r))));
        if (actor.ChainChief) parts.Add("项目所属产业链的链长");
        return string.Join("的", parts);
    }

    /// <summary>Refuses (403) unless the caller is who the stage names.</summary>
    public static async Task RequireActor(AppDbContext db, StageDefinition stage, Me me, CancellationToken ct)
    {
        if (!stage.Actor.Allows(me.User))
            throw new ForbiddenException($"“{stage.Name}”环节须由{await Describe(db, stage.Actor, ct)}办理 (only the stage's role/unit may act)");
    }

    public static async Task<Dictionary<string, string>> UnitNames(AppDbContext db, IEnumerable<string> keys, CancellationToken ct)
    {
        var list = keys.Distinct().ToList();
        return await db.Units.IgnoreQueryFilters().Where(u => list.Contains(u.Key)).ToDictionaryAsync(u => u.Key, u => u.Name, ct);
    }
}
