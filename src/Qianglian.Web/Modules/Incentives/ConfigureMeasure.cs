using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// Configures a paying measure without code: a measure of any imported document (or none), its rule as data, its
/// checklist, workflow, fund and window. Also how a jurisdiction sets an amount the document left open.
/// </summary>
public sealed class ConfigureMeasure(AppDb dbs, CurrentUser user, Policies.PlatformDefaults defaults)
{
    /// <param name="Checklist">null: the checklist of the measure's document (its 附件), if it has one.</param>
    /// <param name="PerPurchase">Each purchase claimed on its own application (安康 二); null keeps the measure's setting.</param>
    public sealed record MeasureFields(
        string Key, string Title, string Clause, string SupportType, IncentiveRule Rule, Guid? MeasureId = null,
        string? ExclusivityGroup = null, IncentiveSubject Subject = IncentiveSubject.Project, DateOnly? ValidFrom = null,
        DateOnly? ValidUntil = null, IReadOnlyList<ChecklistEntry>? Checklist = null, Guid? WorkflowId = null, string? Fund = null,
        bool Active = true, bool? PerPurchase = null);

    public sealed record CreateRequest(Guid JurisdictionId, MeasureFields Measure);
    public sealed record UpdateRequest(MeasureFields Measure, int Version);

    public async Task<IncentiveMeasureView> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageIncentives);
        var f = Check(request.Measure);
        await using var db = dbs.Open();
        var place = await db.Jurisdictions.Where(j => j.Id == request.JurisdictionId).Select(j => j.JurisdictionPath).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        if (await db.IsTakenAsync<IncentiveMeasure>(m => m.JurisdictionId == request.JurisdictionId && m.Key == f.Key, ct))
            throw new ValidationException("key", $"本辖区已有代码为“{f.Key}”的措施 (key in use)");
        var measure = new IncentiveMeasure { JurisdictionId = request.JurisdictionId, Key = f.Key, Ordinal = 1000 };
        await Apply(db, measure, place, f, ct);
        db.Add(measure);
        await db.SaveChangesAsync(ct);
        return IncentiveMeasureView.Of(measure, defaults);
    }

    public async Task<IncentiveMeasureView> Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageIncentives);
        var f = Check(request.Measure);
        await using var db = dbs.Open();
        var measure = await db.Set<IncentiveMeasure>().FirstOrDefaultAsync(m => m.Id == id, ct)
                      ?? throw new NotFoundException("measure", "政策兑现措施不存在 (measure not found)");
        if (f.Key != measure.Key) throw new ValidationException("key", "措施代码不能修改 (the key cannot change)");
        db.ExpectVersion(measure, request.Version);
        await Apply(db, measure, measure.JurisdictionPath, f, ct);
        // Edited on screen, the measure is the jurisdiction's own configuration: its pack's labels no longer speak for it.
        measure.PackCode = null;
        await db.SaveChangesAsync(ct);
        return IncentiveMeasureView.Of(measure, defaults);
    }

    private static MeasureFields Check(MeasureFields f)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        if (string.IsNullOrWhiteSpace(f.Key)) Add("key", "措施代码不能为空 (key is required)");
        if (string.IsNullOrWhiteSpace(f.Title)) Add("title", "措施名称不能为空 (title is required)");
        if (string.IsNullOrWhiteSpace(f.Clause)) Add("clause", "须写明依据条款原文 (clause is required)");
        if (string.IsNullOrWhiteSpace(f.SupportType)) Add("supportType", "须写明支持类别 (supportType is required)");
        if (f.Rule is null) Add("rule", "须配置兑现规则 (rule is required)");
        else
            foreach (var (field, message) in RuleValidator.Validate(f.Rule).Concat(MeasureRules.CheckNames(f.Rule))) Add(field, message);
        if (f.ValidFrom is { } from && f.ValidUntil is { } until && until < from) Add("validUntil", "有效期截止日不能早于施行日 (ends before it starts)");
        var checklist = f.Checklist ?? [];
        for (var i = 0; i < checklist.Count; i++)
        {
            if (checklist[i].Number <= 0 || checklist.Take(i).Any(c => c.Number == checklist[i].Number)) Add($"checklist[{i}].number", "序号须为不重复的正整数 (numbers are positive and unique)");
            if (string.IsNullOrWhiteSpace(checklist[i].Name)) Add($"checklist[{i}].name", "资料名称不能为空 (name is required)");
        }
        if (errors.Count > 0) throw new ValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return f with { Key = f.Key.Trim(), Title = f.Title.Trim(), Clause = f.Clause.Trim(), SupportType = f.SupportType.Trim(),
            ExclusivityGroup = string.IsNullOrWhiteSpace(f.ExclusivityGroup) ? null : f.ExclusivityGroup.Trim(),
            Fund = string.IsNullOrWhiteSpace(f.Fund) ? null : f.Fund.Trim() };
    }

    /// <summary>
    /// Sets the fields. The document measure must be one the caller sees; the workflow one kept at the measure's
    /// <paramref name="place"/> or above it (a district measure may run through its city's workflow, never through
    /// another jurisdiction's, nor through one of a place below it that governs only part of the measure's reach).
    /// </summary>
    private static async Task Apply(AppDbContext db, IncentiveMeasure m, string place, MeasureFields f, CancellationToken ct)
    {
        var checklist = f.Checklist?.Select(c => c with { Name = c.Name.Trim(), Alternatives = c.Alternatives ?? [] }).ToList();
        (m.MeasureId, m.DocumentId, m.DocumentTitle) = (null, null, null);
        if (f.MeasureId is { } measureId)
        {
            var source = await db.Measures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == measureId, ct)
                         ?? throw new ValidationException("measureId", "政策文件中的该措施不存在 (measure of the document not found)");
            var document = await db.PolicyDocuments.AsNoTracking().Include(d => d.Checklist).FirstOrDefaultAsync(d => d.Id == source.DocumentId, ct)
                           ?? throw new ValidationException("measureId", "政策文件中的该措施不存在 (measure of the document not found)");
            (m.MeasureId, m.DocumentId, m.DocumentTitle) = (source.Id, document.Id, document.Title);
            checklist ??= document.Checklist.OrderBy(c => c.Number).Select(c => new ChecklistEntry(c.Number, c.Name, true, [])).ToList();
        }
        if (f.WorkflowId is { } workflowId && await db.FindInheritedAsync<IncentiveWorkflow>(workflowId, place, ct) is null)
            throw new ValidationException("workflowId", "审批流程不存在或不适用于本措施所在辖区 (workflow not found at the measure's place or above)");
        (m.Title, m.Clause, m.SupportType, m.ExclusivityGroup, m.Subject) = (f.Title, f.Clause, f.SupportType, f.ExclusivityGroup, f.Subject);
        (m.ValidFrom, m.ValidUntil, m.WorkflowId, m.Fund, m.Active) = (f.ValidFrom, f.ValidUntil, f.WorkflowId, f.Fund, f.Active);
        if (f.PerPurchase is { } perPurchase) m.PerPurchase = perPurchase;
        m.Rule = f.Rule;
        m.Checklist = checklist ?? [];
    }
}
