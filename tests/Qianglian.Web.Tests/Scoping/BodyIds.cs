using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Investment;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>One id in a request body: its place in the JSON ("shares[].localityId"), whether it is a list of ids, and the kind of row it names.</summary>
public sealed record BodyId(string Path, bool Many, Type? Names)
{
    public string Field => Path.Split('.')[^1].Replace("[]", "", StringComparison.Ordinal);
}

/// <summary>
/// Every id a write endpoint's JSON body carries, read from the request type the endpoint declares (so a new field
/// is probed from the day it is added), with the kind of row each refers to. A field this table cannot place fails
/// the matrix, naming it.
/// </summary>
public static class BodyIds
{
    private static readonly Dictionary<string, Type> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chainId"] = typeof(Chain), ["fromChainId"] = typeof(Chain), ["toChainId"] = typeof(Chain), ["nodeId"] = typeof(ChainNode), ["intoNodeId"] = typeof(ChainNode), ["ecosystemId"] = typeof(Ecosystem),
        ["enterpriseId"] = typeof(Enterprise), ["enterpriseIds"] = typeof(Enterprise), ["supplierId"] = typeof(Enterprise), ["customerId"] = typeof(Enterprise),
        ["providingEnterpriseId"] = typeof(Enterprise), ["needingEnterpriseId"] = typeof(Enterprise),
        ["jurisdictionId"] = typeof(Jurisdiction), ["localityId"] = typeof(Jurisdiction), ["localityIds"] = typeof(Jurisdiction), ["parkId"] = typeof(Jurisdiction),
        ["hostJurisdictionIds"] = typeof(Jurisdiction), ["collaboratingJurisdictionIds"] = typeof(Jurisdiction),
        ["unitId"] = typeof(GovernmentUnit), ["leadUnitId"] = typeof(GovernmentUnit), ["responsibleUnitId"] = typeof(GovernmentUnit), ["assignedUnitId"] = typeof(GovernmentUnit),
        ["unitIds"] = typeof(GovernmentUnit), ["cooperatingUnitIds"] = typeof(GovernmentUnit), ["debtorUnitId"] = typeof(GovernmentUnit),
        ["chiefUserId"] = typeof(AppUser), ["deputyUserIds"] = typeof(AppUser), ["userId"] = typeof(AppUser),
        ["projectId"] = typeof(Project), ["documentId"] = typeof(PolicyDocument), ["workflowId"] = typeof(IncentiveWorkflow),
        ["modelId"] = typeof(CultivationModel), ["modelIds"] = typeof(CultivationModel), ["runId"] = typeof(EvaluationRun), ["resultId"] = typeof(EvaluationResult),
        ["leadId"] = typeof(Lead), ["pushId"] = typeof(TargetPush), ["answersPostId"] = typeof(SupplyDemandPost), ["postId"] = typeof(SupplyDemandPost),
        ["demandPostId"] = typeof(SupplyDemandPost), ["supplyPostId"] = typeof(SupplyDemandPost), ["visitId"] = typeof(FieldVisit),
        ["meetingId"] = typeof(PromotionMeeting), ["problemId"] = typeof(Problem), ["taskId"] = typeof(MeasureTask), ["milestonesDone"] = typeof(TaskMilestone),
    };

    /// <summary>Names that mean different rows on different routes.</summary>
    private static readonly Dictionary<(string Endpoint, string Field), Type> ByRoute = new()
    {
        [("POST /api/v1/jurisdictions", "parentId")] = typeof(Jurisdiction),
        [("PUT /api/v1/jurisdictions/{id}", "parentId")] = typeof(Jurisdiction),
        [("POST /api/v1/chains/{id}/nodes", "parentId")] = typeof(ChainNode),
        [("POST /api/v1/nodes/{id}/move", "parentId")] = typeof(ChainNode),
        [("POST /api/v1/incentives/applications", "measureId")] = typeof(IncentiveMeasure),
        // The document measure (措施) an incentive measure puts into effect.
        [("POST /api/v1/incentives/measures", "measureId")] = typeof(Measure),
        [("PUT /api/v1/incentives/measures/{id}", "measureId")] = typeof(Measure),
    };

    /// <summary>The ids of the endpoint's JSON body, or none when it takes no JSON body.</summary>
    public static IReadOnlyList<BodyId> Of(string endpoint, Microsoft.AspNetCore.Http.Endpoint route)
    {
        var accepts = route.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is not { } type || !accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))) return [];
        var found = new List<BodyId>();
        Walk(type, "", found, 0);
        return found.Select(f => f with { Names = ByRoute.GetValueOrDefault((endpoint, f.Field)) ?? ByName.GetValueOrDefault(f.Field) }).ToList();
    }

    private static void Walk(Type type, string prefix, List<BodyId> found, int depth)
    {
        if (depth > 4) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var name = prefix + JsonName(property.Name);
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = Element(t);
            if (t == typeof(Guid)) found.Add(new BodyId(name, false, null));
            else if (element is not null && (Nullable.GetUnderlyingType(element) ?? element) == typeof(Guid)) found.Add(new BodyId(name, true, null));
            else if (element is not null && Ours(element)) Walk(element, name + "[].", found, depth + 1);
            else if (Ours(t)) Walk(t, name + ".", found, depth + 1);
        }
    }

    private static Type? Element(Type t) =>
        t == typeof(string) ? null : t.IsArray ? t.GetElementType() : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool Ours(Type t) => t.IsClass && t.Namespace?.StartsWith("Qianglian", StringComparison.Ordinal) == true;

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
