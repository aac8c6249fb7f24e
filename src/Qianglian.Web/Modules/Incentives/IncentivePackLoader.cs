using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Packs;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// Loads <c>packs/&lt;code&gt;/incentives.yaml</c> after the packs themselves: units the workflows need, workflows,
/// measures with their rules and checklists, and the stacking clause. One transaction; versioned like the packs
/// (same version and content: skipped; higher version: replaces — measures it no longer lists are deactivated;
/// changed content under the same version: refused). Every problem names the file and field; nothing is written.
/// </summary>
public sealed class IncentivePackLoader(AppDb dbs, TimeProvider clock)
{
    public const string FileName = "incentives.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    private sealed record Parsed(string Code, IncentivesYaml Yaml, string Hash);

    public async Task<IReadOnlyList<string>> LoadAllAsync(string packsRoot, CancellationToken ct)
    {
        var errors = new List<PackError>();
        var parsed = new List<Parsed>();
        foreach (var folder in Directory.Exists(packsRoot) ? Directory.GetDirectories(packsRoot).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            var path = Path.Combine(folder, FileName);
            if (!File.Exists(path)) continue;
            var code = Path.GetFileName(folder);
            var bytes = await File.ReadAllBytesAsync(path, ct);
            try
            {
                using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes));
                var yaml = Yaml.Deserialize<IncentivesYaml>(new MergingParser(new Parser(reader))) ?? new IncentivesYaml();
                parsed.Add(new Parsed(code, yaml, Convert.ToHexStringLower(SHA256.HashData(bytes))));
            }
            catch (YamlException e)
            {
                errors.Add(new PackError(code, $"{FileName}:{e.Start.Line}:{e.Start.Column}", $"YAML 格式错误 (YAML error): {e.InnerException?.Message ?? e.Message}"));
            }
        }
        if (errors.Count > 0) throw new PackLoadException(errors);

        await using var db = dbs.OpenSystem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var loaded = await db.Set<IncentivePack>().ToDictionaryAsync(p => p.Code, ct);
        var packs = await db.PolicyPacks.ToDictionaryAsync(p => p.Code, ct);
        var changed = new List<Parsed>();
        foreach (var p in parsed)
        {
            if (!packs.ContainsKey(p.Code)) { errors.Add(new PackError(p.Code, FileName, "没有对应的 pack.yaml (no pack of this code)")); continue; }
            if (p.Yaml.Version <= 0) { errors.Add(new PackError(p.Code, $"{FileName}:version", "版本号须为正整数 (version must be positive)")); continue; }
            if (!loaded.TryGetValue(p.Code, out var current)) { changed.Add(p); continue; }
            if (p.Yaml.Version < current.PackVersion)
                errors.Add(new PackError(p.Code, $"{FileName}:version", $"版本 {p.Yaml.Version} 低于已加载的版本 {current.PackVersion} (older than the loaded version)"));
            else if (p.Yaml.Version == current.PackVersion && p.Hash != current.ContentHash)
                errors.Add(new PackError(p.Code, $"{FileName}:version", $"内容已修改但版本仍为 {p.Yaml.Version}，请提高版本号 (content changed: raise the version)"));
            else if (p.Yaml.Version > current.PackVersion) changed.Add(p);
        }
        if (errors.Count > 0) throw new PackLoadException(errors);

        foreach (var p in changed)
            errors.AddRange(await LoadPack(db, p, packs[p.Code], loaded.GetValueOrDefault(p.Code), ct));
        if (errors.Count > 0) throw new PackLoadException(errors);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changed.Select(p => p.Code).ToList();
    }

    private async Task<List<PackError>> LoadPack(AppDbContext db, Parsed p, PolicyPack pack, IncentivePack? record, CancellationToken ct)
    {
        var errors = new List<PackError>();
        void Error(string field, string message) => errors.Add(new PackError(p.Code, $"{FileName}:{field}", message));
        var y = p.Yaml;
        var jurisdictions = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, ct);

        for (var i = 0; i < y.Units.Count; i++)
        {
            var u = y.Units[i];
            if (!u.Key.StartsWith(p.Code + ".", StringComparison.Ordinal)) Error($"units[{i}].key", $"单位代码须以“{p.Code}.”开头 (unit keys start with the pack code)");
            if (!jurisdictions.TryGetValue(u.Jurisdiction, out var place)) { Error($"units[{i}].jurisdiction", $"辖区“{u.Jurisdiction}”不存在 (unknown jurisdiction)"); continue; }
            var unit = await db.Units.FirstOrDefaultAsync(x => x.Key == u.Key, ct) ?? db.Units.Add(new GovernmentUnit { Key = u.Key }).Entity;
            (unit.Name, unit.JurisdictionId, unit.Aliases) = (u.Name, place.Id, u.Aliases.ToList());
            unit.Kind = UnitKinds.Parse(u.Kind);
        }
        var unitKeys = (await db.Units.Select(u => u.Key).ToListAsync(ct)).Concat(y.Units.Select(u => u.Key)).ToHashSet();

        var workflows = await db.Set<IncentiveWorkflow>().Where(w => w.JurisdictionId == pack.JurisdictionId).ToDictionaryAsync(w => w.Key, ct);
        for (var i = 0; i < y.Workflows.Count; i++)
        {
            var definition = MapWorkflow(y.Workflows[i], $"workflows[{i}]", Error);
            foreach (var (field, message) in WorkflowRules.Check(definition, unitKeys)) Error($"workflows[{i}].{field}", message);
            var workflow = workflows.GetValueOrDefault(definition.Key) ?? db.Set<IncentiveWorkflow>().Add(new IncentiveWorkflow { JurisdictionId = pack.JurisdictionId }).Entity;
            workflow.Definition = definition;
            (workflow.Source, workflow.PackCode) = (y.Workflows[i].Source, p.Code);
            workflows[definition.Key] = workflow;
        }

        var document = await db.PolicyDocuments.Include(d => d.Measures).Include(d => d.Checklist).FirstOrDefaultAsync(d => d.PackCode == p.Code, ct);
        var measures = await db.Set<IncentiveMeasure>().Where(m => m.JurisdictionId == pack.JurisdictionId).ToDictionaryAsync(m => m.Key, ct);
        for (var i = 0; i < y.Measures.Count; i++)
        {
            var m = y.Measures[i];
            var field = $"measures[{i}]";
            if (string.IsNullOrWhiteSpace(m.Key)) { Error($"{field}.key", "措施代码不能为空 (key is required)"); continue; }
            if (y.Measures.Take(i).Any(o => o.Key == m.Key)) Error($"{field}.key", $"措施代码“{m.Key}”重复 (duplicate key)");
            var source = document?.Measures.FirstOrDefault(x => x.Number == m.Measure);
            if (source is null) Error($"{field}.measure", $"政策文件中没有编号为“{m.Measure}”的措施 (no such measure in the pack's document)");
            var rule = MapRule(m.Rule, $"{field}.rule", Error);
            foreach (var (f, message) in RuleValidator.Validate(rule)) Error($"{field}.{f}", message);
            foreach (var (f, message) in MeasureRules.CheckNames(rule)) Error($"{field}.{f}", message);
            if (m.Workflow is { } wf && !workflows.ContainsKey(wf)) Error($"{field}.workflow", $"流程“{wf}”未定义 (unknown workflow)");
            if (!Enum.TryParse<IncentiveSubject>(m.Subject, true, out var subject)) Error($"{field}.subject", $"对象须为 Project 或 Enterprise：{m.Subject}");
            if (string.IsNullOrWhiteSpace(m.Clause)) Error($"{field}.clause", "须写明依据条款原文 (clause is required)");
            if (string.IsNullOrWhiteSpace(m.SupportType)) Error($"{field}.supportType", "须写明支持类别 (supportType is required)");
            var checklist = Checklist(m, document, field, Error);
            if (errors.Count > 0) continue;

            var measure = measures.GetValueOrDefault(m.Key) ?? db.Set<IncentiveMeasure>().Add(new IncentiveMeasure { Key = m.Key, JurisdictionId = pack.JurisdictionId }).Entity;
            measure.Title = m.Title ?? $"{source!.Number}、{source.Title}";
            (measure.MeasureId, measure.DocumentId, measure.DocumentTitle) = (source!.Id, document!.Id, document.Title);
            (measure.Clause, measure.SupportType, measure.ExclusivityGroup, measure.Subject) = (m.Clause.Trim(), m.SupportType, m.Group, subject);
            measure.PerPurchase = m.PerPurchase;
            (measure.ValidFrom, measure.ValidUntil) = (m.ValidFrom ?? document.IssuedOn, m.ValidUntil ?? document.ValidUntil);
            measure.Rule = rule;
            measure.Checklist = checklist;
            (measure.WorkflowId, measure.Fund, measure.Ordinal, measure.Active, measure.PackCode) =
                (m.Workflow is { } w ? workflows[w].Id : null, m.Fund, i + 1, true, p.Code);
            measures[m.Key] = measure;
        }
        foreach (var stale in measures.Values.Where(x => x.PackCode == p.Code && y.Measures.All(m => m.Key != x.Key))) stale.Active = false;

        record ??= db.Set<IncentivePack>().Add(new IncentivePack { Code = p.Code }).Entity;
        (record.JurisdictionId, record.PackVersion, record.ContentHash, record.LoadedAt) = (pack.JurisdictionId, y.Version, p.Hash, clock.GetUtcNow());
        (record.StackingClause, record.StackingSource) = (y.Stacking?.Clause, y.Stacking?.Source);
        return errors;
    }

    private static List<ChecklistEntry> Checklist(MeasureYaml m, PolicyDocument? document, string field, Action<string, string> error)
    {
        List<ChecklistEntry> items;
        if (m.DocumentChecklist)
        {
            if (document is null || document.Checklist.Count == 0) { error($"{field}.documentChecklist", "政策文件没有申报资料清单附件 (the document has no checklist)"); return []; }
            items = document.Checklist.OrderBy(c => c.Number).Select(c => new ChecklistEntry(c.Number, c.Name, true, [])).ToList();
        }
        else items = m.Checklist.Select(c => new ChecklistEntry(c.Number, c.Name, c.Required, [])).ToList();
        foreach (var number in m.Alternatives.Keys.Concat(m.Optional).Where(n => items.All(c => c.Number != n)))
            error($"{field}.alternatives", $"申报资料清单没有第{number}项 (no checklist item {number})");
        return items.Select(c => c with
        {
            Required = c.Required && !m.Optional.Contains(c.Number),
            Alternatives = m.Alternatives.GetValueOrDefault(c.Number) ?? [],
        }).ToList();
    }

    private static WorkflowDefinition MapWorkflow(WorkflowYaml w, string field, Action<string, string> error) =>
        new(w.Key, w.Name, w.Stages.Select((s, i) =>
        {
            if (!Enum.TryParse<StageKind>(s.Kind, true, out var kind)) error($"{field}.stages[{i}].kind", $"未知的环节类型“{s.Kind}” (unknown stage kind)");
            return new StageDefinition(s.Key, s.Name, kind, new StageActor { Roles = s.Actor.Roles, Unit = s.Actor.Unit, ChainChief = s.Actor.ChainChief }, s.Opinions, s.DeadlineDays)
            {
                WorkingDays = s.WorkingDays ?? w.WorkingDays,
            };
        }).ToList());

    private const decimal Wan = 10_000m;

    private static IncentiveRule MapRule(RuleYaml r, string field, Action<string, string> error)
    {
        T Parse<T>(string? text, string at, T fallback) where T : struct, Enum
        {
            if (text is null) return fallback;
            if (Enum.TryParse<T>(text, true, out var value)) return value;
            error(at, $"无法识别“{text}”，可选：{string.Join("、", Enum.GetNames<T>())} (unknown value)");
            return fallback;
        }
        return new IncentiveRule
        {
            Kind = Parse<RuleKind>(r.Kind, $"{field}.kind", 0),
            Base = Parse(r.Base, $"{field}.base", Figure.EquipmentInvestment),
            Rate = r.Rate,
            Cap = r.CapWan * Wan,
            Amount = r.AmountWan * Wan,
            Categories = r.Categories.Select(c => new CategoryRate(c.Name, c.Rate)).ToList(),
            Conditions = r.Conditions.Select((c, i) => new RuleCondition
            {
                Kind = Parse<ConditionKind>(c.Kind, $"{field}.conditions[{i}].kind", 0),
                Flags = c.Flags, Figure = c.Figure is null ? null : Parse(c.Figure, $"{field}.conditions[{i}].figure", Figure.EquipmentInvestment),
                Minimum = c.MinimumWan * Wan, Honour = c.Honour, HonourLevel = c.HonourLevel, Text = c.Text,
            }).ToList(),
        };
    }
}
