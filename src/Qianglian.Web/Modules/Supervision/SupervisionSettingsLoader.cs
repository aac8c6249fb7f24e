using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Data;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>Supervision settings that cannot be loaded: every problem with its file and field. Nothing was written.</summary>
public sealed class SupervisionSettingsException(IReadOnlyList<string> errors)
    : Exception("督查设置有误，未加载 (supervision settings have errors; nothing was loaded):\n" + string.Join("\n", errors.Select(e => "  " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Loads <c>packs/&lt;code&gt;/supervision.yaml</c> after the packs themselves, in one transaction: idempotent and
/// versioned like the packs (same version and content: skipped; higher version: replaced; changed content under
/// the same version: refused). Unknown keys, unknown unit keys and weights not summing to 100 fail start-up,
/// naming the file and the field.
/// </summary>
public sealed class SupervisionSettingsLoader(AppDb dbs, TimeProvider clock)
{
    public const string FileName = "supervision.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public async Task<IReadOnlyList<string>> LoadAllAsync(string packsRoot, CancellationToken ct)
    {
        var files = Directory.Exists(packsRoot)
            ? Directory.GetDirectories(packsRoot).Order(StringComparer.Ordinal).Select(f => Path.Combine(f, FileName)).Where(File.Exists).ToList()
            : [];
        var errors = new List<string>();
        var loaded = new List<string>();
        await using var db = dbs.OpenSystem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var packs = await db.PolicyPacks.ToDictionaryAsync(p => p.Code, p => p.JurisdictionId, ct);
        var existing = await db.SupervisionSettings.ToDictionaryAsync(s => s.PackCode, ct);
        foreach (var file in files)
        {
            var code = Path.GetFileName(Path.GetDirectoryName(file)!);
            var where = $"{code}/{FileName}";
            var bytes = await File.ReadAllBytesAsync(file, ct);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            SupervisionYaml yaml;
            try
            {
                yaml = Yaml.Deserialize<SupervisionYaml>(System.Text.Encoding.UTF8.GetString(bytes)) ?? new SupervisionYaml();
            }
            catch (YamlException e)
            {
                errors.Add($"{where}:{e.Start.Line}:{e.Start.Column}: YAML 格式错误 (YAML error): {e.InnerException?.Message ?? e.Message}");
                continue;
            }
            if (!packs.TryGetValue(code, out var jurisdictionId))
            {
                errors.Add($"{where}: 没有代码为“{code}”的政策包 (no pack of this code)");
                continue;
            }
            var current = existing.GetValueOrDefault(code);
            if (current is not null && yaml.Version < current.SettingsVersion)
                errors.Add($"{where}: version: 版本 {yaml.Version} 低于已加载的版本 {current.SettingsVersion} (older than the loaded version)");
            else if (current is not null && yaml.Version == current.SettingsVersion && hash != current.ContentHash)
                errors.Add($"{where}: version: 内容已修改但版本仍为 {yaml.Version}，请提高版本号 (content changed: raise the version)");
            if (current is not null && yaml.Version <= current.SettingsVersion) continue;

            var fileErrors = new List<string>();
            var rules = yaml.ToRules();
            fileErrors.AddRange(rules.Problems().Select(p => $"{where}: {p.Field}: {p.Message}"));
            var (rungs, rungProblems) = LadderRungs.Parse(yaml.Escalation.Rungs);
            fileErrors.AddRange(rungProblems.Select(p => $"{where}: escalation.{p.Field}: {p.Message}"));
            var startsAtCounty = yaml.Escalation.Start switch
            {
                null or "category" => false,
                "county" => true,
                var other => Refuse(fileErrors, $"{where}: escalation.start: 未知的起点“{other}”，应为 county 或 category (unknown start)"),
            };
            var keys = yaml.Escalation.LocalUnits.Values.Append(yaml.Escalation.JointMeetingUnit).OfType<string>().Distinct().ToList();
            var units = await db.Units.Where(u => keys.Contains(u.Key)).ToDictionaryAsync(u => u.Key, u => u.Id, ct);
            var localUnits = new Dictionary<string, Guid>();
            foreach (var (category, key) in yaml.Escalation.LocalUnits)
            {
                if (!Enum.TryParse<ProblemCategory>(category, ignoreCase: true, out var c))
                    fileErrors.Add($"{where}: escalation.localUnits.{category}: 未知的问题类别 (unknown category; use land, power, finance, approvals, talent, market, other)");
                else if (!units.TryGetValue(key, out var unit))
                    fileErrors.Add($"{where}: escalation.localUnits.{category}: 未登记的单位“{key}” (unknown unit key)");
                else localUnits[c.ToString()] = unit;
            }
            var jointKey = yaml.Escalation.JointMeetingUnit ?? (await db.PolicyPacks.Where(p => p.Code == code).Select(p => p.CoordinationOffice).FirstAsync(ct));
            Guid? joint = jointKey is null ? null : units.TryGetValue(jointKey, out var j) ? j
                : await db.Units.Where(u => u.Key == jointKey).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (jointKey is not null && joint is null)
                fileErrors.Add($"{where}: escalation.jointMeetingUnit: 未登记的单位“{jointKey}” (unknown unit key)");
            if (fileErrors.Count > 0)
            {
                errors.AddRange(fileErrors);
                continue;
            }

            var row = current ?? db.SupervisionSettings.Add(new SupervisionSettings { PackCode = code }).Entity;
            row.JurisdictionId = jurisdictionId;
            (row.SettingsVersion, row.ContentHash, row.LoadedAt) = (yaml.Version, hash, clock.GetUtcNow());
            (row.LocalDays, row.LeadDepartmentDays, row.ChainChiefDays, row.JointMeetingDays) =
                (rules.Deadlines.LocalDays, rules.Deadlines.LeadDepartmentDays, rules.Deadlines.ChainChiefDays, rules.Deadlines.JointMeetingDays);
            row.ProblemReminderDays = yaml.Escalation.ReminderDays;
            (row.LocalUnitIds, row.JointMeetingUnitId, row.StartsAtCounty) = (localUnits, joint, startsAtCounty);
            (row.HasLeadDepartmentRung, row.HasChainChiefRung, row.HasJointMeetingRung) = (rungs!.LeadDepartment, rungs.ChainChief, rungs.JointMeeting);
            (row.ReportDueDay, row.ReportReminderDays) = (rules.Reporting.DueDay, rules.Reporting.ReminderDays);
            (row.WeightReporting, row.WeightCompletion, row.WeightRating) = (rules.Assessment.Reporting, rules.Assessment.Completion, rules.Assessment.Rating);
            (row.MatchNode, row.MatchProduct, row.MatchLocality, row.MatchScale) = (rules.Matching.Node, rules.Matching.Product, rules.Matching.Locality, rules.Matching.Scale);
            loaded.Add(code);
        }
        if (errors.Count > 0) throw new SupervisionSettingsException(errors);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return loaded;
    }

    private static bool Refuse(List<string> errors, string message)
    {
        errors.Add(message);
        return false;
    }
}

/// <summary>The shape of supervision.yaml (unknown keys are errors, with their line).</summary>
public sealed class SupervisionYaml
{
    public int Version { get; set; }
    public EscalationYaml Escalation { get; set; } = new();
    public ReportingYaml Reporting { get; set; } = new();
    public AssessmentYaml Assessment { get; set; } = new();
    public MatchingYaml Matching { get; set; } = new();

    public SupervisionRules ToRules() => new(
        new EscalationDeadlines(Escalation.Days.Local, Escalation.Days.LeadDepartment, Escalation.Days.ChainChief, Escalation.Days.JointMeeting),
        new ReportingRules(Reporting.DueDay, Reporting.ReminderDays),
        new AssessmentWeights(Assessment.Reporting, Assessment.Completion, Assessment.Rating),
        new MatchWeights(Matching.Node, Matching.Product, Matching.Locality, Matching.Scale));

    public sealed class EscalationYaml : Policies.Packs.LabelledYaml
    {
        public DaysYaml Days { get; set; } = new();
        public int ReminderDays { get; set; } = 2;
        public Dictionary<string, string> LocalUnits { get; set; } = [];
        public string? JointMeetingUnit { get; set; }
        /// <summary>county: a problem starts at the enterprise's county government (or park committee); category (default): at <see cref="LocalUnits"/>.</summary>
        public string? Start { get; set; }
        /// <summary>The ladder's rungs, lowest first (default: local, leadDepartment, chainChief, jointMeeting).</summary>
        public List<string>? Rungs { get; set; }
        public string? Source { get; set; }
    }

    public sealed class DaysYaml
    {
        public int Local { get; set; } = EscalationDeadlines.Default.LocalDays;
        public int LeadDepartment { get; set; } = EscalationDeadlines.Default.LeadDepartmentDays;
        public int ChainChief { get; set; } = EscalationDeadlines.Default.ChainChiefDays;
        public int JointMeeting { get; set; } = EscalationDeadlines.Default.JointMeetingDays;
    }

    public sealed class ReportingYaml : Policies.Packs.LabelledYaml
    {
        public int DueDay { get; set; } = ReportingRules.Default.DueDay;
        public int ReminderDays { get; set; } = ReportingRules.Default.ReminderDays;
        public string? Source { get; set; }
    }

    public sealed class AssessmentYaml : Policies.Packs.LabelledYaml
    {
        public int Reporting { get; set; } = AssessmentWeights.Default.Reporting;
        public int Completion { get; set; } = AssessmentWeights.Default.Completion;
        public int Rating { get; set; } = AssessmentWeights.Default.Rating;
    }

    public sealed class MatchingYaml : Policies.Packs.LabelledYaml
    {
        public int Node { get; set; } = MatchWeights.Default.Node;
        public int Product { get; set; } = MatchWeights.Default.Product;
        public int Locality { get; set; } = MatchWeights.Default.Locality;
        public int Scale { get; set; } = MatchWeights.Default.Scale;
    }
}
