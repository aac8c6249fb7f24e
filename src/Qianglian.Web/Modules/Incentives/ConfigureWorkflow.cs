using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>Defines a jurisdiction's approval sequence as data: stages, who acts on each, opinions and deadlines.</summary>
public sealed class ConfigureWorkflow(AppDb dbs, CurrentUser user, Policies.PlatformDefaults defaults)
{
    public sealed record CreateRequest(Guid JurisdictionId, string Key, string Name, string? Source, IReadOnlyList<StageDefinition> Stages);
    public sealed record UpdateRequest(string Name, string? Source, IReadOnlyList<StageDefinition> Stages, int Version);

    public async Task<WorkflowView> Create(CreateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageIncentives);
        await using var db = dbs.Open();
        var place = await db.Jurisdictions.Where(j => j.Id == r.JurisdictionId).Select(j => j.JurisdictionPath).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        var definition = await Check(db, place, new WorkflowDefinition(r.Key?.Trim() ?? "", r.Name?.Trim() ?? "", r.Stages ?? []), ct);
        var key = definition.Key;
        if (await db.IsTakenAsync<IncentiveWorkflow>(w => w.JurisdictionId == r.JurisdictionId && w.Key == key, ct))
            throw new ValidationException("key", $"本辖区已有代码为“{key}”的流程 (key in use)");
        var workflow = new IncentiveWorkflow { JurisdictionId = r.JurisdictionId, Definition = definition, Source = r.Source };
        db.Add(workflow);
        await db.SaveChangesAsync(ct);
        return WorkflowView.Of(workflow, defaults);
    }

    public async Task<WorkflowView> Update(Guid id, UpdateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageIncentives);
        await using var db = dbs.Open();
        var workflow = await db.Set<IncentiveWorkflow>().FirstOrDefaultAsync(w => w.Id == id, ct)
                       ?? throw new NotFoundException("workflow", "审批流程不存在 (workflow not found)");
        var definition = await Check(db, workflow.JurisdictionPath, new WorkflowDefinition(workflow.Key, r.Name?.Trim() ?? "", r.Stages ?? []), ct);
        // Applications waiting at a stage must still find it. They all lie below the workflow, which the caller sees:
        // a measure runs through a workflow kept at its place or above, and governs applications at or below it.
        var waiting = await db.Set<IncentiveApplication>()
            .Where(a => db.Set<IncentiveMeasure>().Any(m => m.Id == a.MeasureId && m.WorkflowId == id))
            .Select(a => a.State).Distinct().ToListAsync(ct);
        var lost = waiting.Where(s => !WorkflowDefinition.Reserved.Contains(s) && definition.Stage(s) is null).ToList();
        if (lost.Count > 0)
            throw new ValidationException("stages", $"仍有申报停留在环节“{string.Join("、", lost)}”，不能删除这些环节 (applications wait at these stages)");
        db.ExpectVersion(workflow, r.Version);
        (workflow.Definition, workflow.Source) = (definition, r.Source);
        // Edited on screen, the stages and their deadlines are the jurisdiction's own: its pack's labels no longer speak for them.
        workflow.PackCode = null;
        await db.SaveChangesAsync(ct);
        return WorkflowView.Of(workflow, defaults);
    }

    /// <summary>
    /// The definition's own rules, and the units it names: a unit the caller sees, or one kept above the workflow's
    /// place (a district's workflow may consult a city bureau) — never another jurisdiction's.
    /// </summary>
    private static async Task<WorkflowDefinition> Check(AppDbContext db, string place, WorkflowDefinition definition, CancellationToken ct)
    {
        var stages = definition.Stages.Select(s => s with { Actor = s.Actor ?? new StageActor(), Opinions = s.Opinions ?? [] }).ToList();
        definition = definition with { Stages = stages };
        var keys = stages.SelectMany(s => s.Opinions.Append(s.Actor.Unit)).OfType<string>().Distinct().ToList();
        var known = (await db.Units.Where(u => keys.Contains(u.Key)).Select(u => u.Key).ToListAsync(ct))
            .Concat((await db.InheritedAsync<GovernmentUnit>([place], ct, u => keys.Contains(u.Key))).Select(u => u.Key)).ToHashSet();
        var errors = WorkflowRules.Check(definition, known).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (errors.Count > 0) throw new ValidationException(errors);
        return definition;
    }
}
