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

    /// <summary>The caller's unit (a city unit may act on a district file) and whether it chiefs the application's chain.</summary>
    public static async Task<Me> Of(AppDbContext db, CurrentUser user, IncentiveApplication application, CancellationToken ct)
    {
        var me = await db.ActingCallerAsync(user.Name, ct);
        var chief = application.ChainId is { } chain && me.ChiefOf.Contains(chain);
        return new Me(new ActingUser(user.Roles, me.UnitKey, chief), me.UnitName);
    }

    /// <summary>"区经济和信息化局", "项目所属产业链的链长", "融圈强链办（区财政局）" — for refusals and the page.</summary>
    public static async Task<string> Describe(AppDbContext db, StageActor actor, CancellationToken ct)
    {
        var parts = new List<string>();
        if (actor.Unit is { } key)
            parts.Add((await db.UnitNamesByKeyAsync([key], ct)).GetValueOrDefault(key, key));
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

    /// <summary>The names of the units a workflow names by key (they may sit above the application: a city bureau).</summary>
    public static Task<Dictionary<string, string>> UnitNames(AppDbContext db, IEnumerable<string> keys, CancellationToken ct) =>
        db.UnitNamesByKeyAsync(keys, ct);
}
