using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Packs;
using Qianglian.Core.Projects;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Policies;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// Loads each pack's <c>projects.yaml</c> (approval time limit, early-warning months, dispatch due day) at start-up,
/// after the packs themselves. Idempotent and versioned like the packs: same version and content is skipped, a
/// higher version replaces, changed content under the same version is refused. Bad data fails loudly with the file
/// and the field (or line), and nothing is written.
/// </summary>
public sealed class ProjectRulesLoader(AppDb dbs)
{
    public const string FileName = "projects.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public async Task<IReadOnlyList<string>> LoadAllAsync(string packsRoot, CancellationToken ct)
    {
        var files = Directory.Exists(packsRoot)
            ? Directory.GetDirectories(packsRoot).Order(StringComparer.Ordinal).Select(f => Path.Combine(f, FileName)).Where(File.Exists).ToList()
            : [];
        var read = files.Select(Read).ToList();
        var errors = read.SelectMany(r => r.Errors).ToList();
        if (errors.Count > 0) throw new PackLoadException(errors);

        await using var db = dbs.OpenSystem();
        var packs = await db.PolicyPacks.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.JurisdictionId, ct);
        var stored = await db.Set<ProjectRules>().ToDictionaryAsync(r => r.PackCode, ct);
        var loaded = new List<string>();
        foreach (var (code, yaml, hash, _) in read)
        {
            if (!packs.TryGetValue(code, out var home))
                throw new PackLoadException([new PackError(code, FileName, "同目录下没有已加载的 pack.yaml (no loaded pack of this folder)")]);
            if (stored.TryGetValue(code, out var current))
            {
                if (yaml!.Version < current.RulesVersion)
                    throw new PackLoadException([new PackError(code, $"{FileName}: version", $"版本 {yaml.Version} 低于已加载的版本 {current.RulesVersion} (older than the loaded version)")]);
                if (yaml.Version == current.RulesVersion && hash != current.ContentHash)
                    throw new PackLoadException([new PackError(code, $"{FileName}: version", $"内容已修改但版本仍为 {yaml.Version}，请提高版本号 (content changed: raise the version)")]);
                if (yaml.Version == current.RulesVersion) continue;
            }
            var row = current ?? db.Set<ProjectRules>().Add(new ProjectRules { PackCode = code }).Entity;
            Apply(row, yaml!, hash, home);
            loaded.Add(code);
        }
        await db.SaveChangesAsync(ct);
        return loaded;
    }

    private static void Apply(ProjectRules row, ProjectsYaml y, string hash, Guid home)
    {
        (row.JurisdictionId, row.RulesVersion, row.ContentHash) = (home, y.Version, hash);
        (row.ApprovalWorkingDayLimit, row.ApprovalLimitSource) = (y.Approvals.WorkingDayLimit, y.Approvals.Source);
        (row.SignedNotStartedYellow, row.SignedNotStartedRed) = (y.Warnings.SignedNotStarted.YellowMonths, y.Warnings.SignedNotStarted.RedMonths);
        (row.StartedNotCompletedYellow, row.StartedNotCompletedRed) = (y.Warnings.StartedNotCompleted.YellowMonths, y.Warnings.StartedNotCompleted.RedMonths);
        (row.CompletedNotProducingYellow, row.CompletedNotProducingRed) = (y.Warnings.CompletedNotProducing.YellowMonths, y.Warnings.CompletedNotProducing.RedMonths);
        (row.ReportDueDay, row.LaggardMarginPoints) = (y.Dispatch.DueDay, y.Dispatch.LaggardMarginPoints);
    }

    private static (string Code, ProjectsYaml? Yaml, string Hash, IReadOnlyList<PackError> Errors) Read(string path)
    {
        var code = Path.GetFileName(Path.GetDirectoryName(path)!);
        var bytes = File.ReadAllBytes(path);
        ProjectsYaml yaml;
        try
        {
            yaml = Yaml.Deserialize<ProjectsYaml>(System.Text.Encoding.UTF8.GetString(bytes)) ?? new ProjectsYaml();
        }
        catch (YamlException e)
        {
            return (code, null, "", [new PackError(code, $"{FileName}:{e.Start.Line}:{e.Start.Column}", $"YAML 格式错误 (YAML error): {e.InnerException?.Message ?? e.Message}")]);
        }
        var errors = new List<PackError>();
        if (yaml.Version < 1) errors.Add(new PackError(code, $"{FileName}: version", "版本号须为正整数 (version must be a positive integer)"));
        if (yaml.Approvals.WorkingDayLimit < 0) errors.Add(new PackError(code, $"{FileName}: approvals.workingDayLimit", "审批时限不能为负数 (must not be negative)"));
        var settings = new ProjectSettings(yaml.Approvals.WorkingDayLimit,
            new WarningRules(Threshold(yaml.Warnings.SignedNotStarted), Threshold(yaml.Warnings.StartedNotCompleted), Threshold(yaml.Warnings.CompletedNotProducing)),
            new DispatchRules(yaml.Dispatch.DueDay, yaml.Dispatch.LaggardMarginPoints));
        errors.AddRange(settings.Warnings.Problems().Concat(settings.Dispatch.Problems()).Select(p => new PackError(code, $"{FileName}: {p.Field}", p.Message)));
        return (code, yaml, Convert.ToHexStringLower(SHA256.HashData(bytes)), errors);
    }

    private static StallThreshold Threshold(ThresholdYaml t) => new(t.YellowMonths, t.RedMonths);

    // The shape of projects.yaml (camelCase; unknown keys are errors). Omitted sections take the platform defaults.
    private sealed class ProjectsYaml
    {
        public int Version { get; set; }
        public ApprovalsYaml Approvals { get; set; } = new();
        public WarningsYaml Warnings { get; set; } = new();
        public DispatchYaml Dispatch { get; set; } = new();
    }

    private sealed class ApprovalsYaml
    {
        public int WorkingDayLimit { get; set; }
        public string? Source { get; set; }
    }

    private sealed class WarningsYaml : Policies.Packs.LabelledYaml
    {
        public ThresholdYaml SignedNotStarted { get; set; } = new(WarningRules.Default.SignedNotStarted);
        public ThresholdYaml StartedNotCompleted { get; set; } = new(WarningRules.Default.StartedNotCompleted);
        public ThresholdYaml CompletedNotProducing { get; set; } = new(WarningRules.Default.CompletedNotProducing);
    }

    private sealed class ThresholdYaml
    {
        public ThresholdYaml() { }
        public ThresholdYaml(StallThreshold t) => (YellowMonths, RedMonths) = (t.YellowMonths, t.RedMonths);
        public int YellowMonths { get; set; }
        public int RedMonths { get; set; }
    }

    private sealed class DispatchYaml : Policies.Packs.LabelledYaml
    {
        public int DueDay { get; set; } = DispatchRules.Default.DueDay;
        public decimal LaggardMarginPoints { get; set; } = DispatchRules.Default.LaggardMarginPoints;
        public string? Source { get; set; }
    }
}
