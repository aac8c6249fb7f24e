using Qianglian.Web.Auth;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>Which dashboard a role starts from: the coordination office (and those who read over it) all chains, a chain's chief and lead department their chain, a county its projects and problems.</summary>
public static class RoleDashboards
{
    public const string Office = "/dashboards/office", Chain = "/dashboards/chain", County = "/dashboards/county";

    public static string? HomeOf(IReadOnlyList<string> roles) =>
        roles.Contains(Roles.CoordinationOffice) || roles.Contains(Roles.Administrator) || roles.Contains(Roles.Leader) ? Office
        : roles.Contains(Roles.ChainChief) || roles.Contains(Roles.LeadDepartment) ? Chain
        : roles.Contains(Roles.LocalOperator) ? County
        : null;
}
