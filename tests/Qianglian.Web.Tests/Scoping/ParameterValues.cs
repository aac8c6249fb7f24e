using Qianglian.Core.Incentives;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// The values the parameter matrix fills each query parameter with: every value of an enumeration, both booleans,
/// a page past the first, the years the data has, an own id and a foreign one for a filter by id, and for a search the
/// texts that match rows the caller must not see. A parameter this table cannot fill fails the matrix, so a new
/// parameter is probed from the day it is added.
/// </summary>
public static class ParameterValues
{
    /// <summary>Filters by id: the type of row each names.</summary>
    private static readonly Dictionary<string, Type> IdFilters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chainId"] = typeof(Chain), ["jurisdictionId"] = typeof(Jurisdiction), ["documentId"] = typeof(PolicyDocument),
        ["unitId"] = typeof(GovernmentUnit), ["projectId"] = typeof(Project), ["measureId"] = typeof(IncentiveMeasure),
    };

    /// <summary>Free-text parameters whose values are keys the endpoint knows (they are not enumerations in the API).</summary>
    private static readonly Dictionary<(string Endpoint, string Parameter), string[]> Keys = new()
    {
        [("GET /api/v1/cultivation/runs/{id}/distribution", "by")] = ["county", "park", "chain"],
        [("GET /api/v1/cultivation/runs/{id}/results", "Class")] = ["C"],
        [("GET /api/v1/cultivation/runs/{id}/results", "Sort")] = ["name", "score", "chain"],
        [("GET /api/v1/problems", "Sort")] = ["filed", "filedDesc"],
        [("GET /api/v1/problems/export.xlsx", "Sort")] = ["filed"],
        [("GET /api/v1/incentives/applications", "State")] = [WorkflowDefinition.Draft, "review", WorkflowDefinition.Archived],
        [("GET /api/v1/dashboards/office.xlsx", "chart")] = ["tiers", "supplyDemand"],
        [("GET /api/v1/dashboards/chains/{id}.xlsx", "chart")] = ["outputTrend", "problemsByLevel"],
        [("GET /api/v1/dashboards/county.xlsx", "chart")] = ["problemsByCategory", "projectLights"],
        [("GET /api/v1/audit", "EntityType")] = ["Project", "Enterprise", "IncentiveApplication"],
        [("GET /api/v1/audit/export.xlsx", "EntityType")] = ["Project", "Enterprise", "IncentiveApplication"],
    };

    /// <summary>How to fill the parameter for a role; null when the table cannot (the matrix then fails, naming it).</summary>
    public static Func<ForeignWorld, string, IReadOnlyList<string>>? For(string endpoint, ApiParameter parameter)
    {
        if (parameter.Enum.Count > 0) return (_, _) => parameter.Enum;
        if (Keys.TryGetValue((endpoint, parameter.Name), out var keys)) return (_, _) => keys;
        if (parameter.Format == "uuid" && IdFilters.TryGetValue(parameter.Name, out var type))
            return (w, role) => [w.OwnId(type, role).ToString(), w.ForeignId(type, role).ToString()];
        return parameter.Name.ToLowerInvariant() switch
        {
            "search" => (w, role) => w.SearchTexts(role),
            "page" => (_, _) => ["2"],
            "pagesize" => (_, _) => ["1"],
            "year" => (_, _) => ["2024", "2025"],
            "month" => (_, _) => ["6"],
            "entitykey" => (w, role) => [w.ForeignId(typeof(Project), role).ToString(), w.ForeignId(typeof(Modules.Enterprises.Enterprise), role).ToString()],
            "username" => (_, _) => ["dazhou.office", ScopingWorld.UserOf(Auth.Roles.CoordinationOffice)],
            _ when parameter.Type == "boolean" => (_, _) => ["true", "false"],
            _ => null,
        };
    }
}
