using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Packs;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Policies;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// Loads <c>packs/&lt;code&gt;/evaluation.yaml</c> at start-up: each chain or park index model becomes a revision of
/// its code for its jurisdiction and year, stored with the other models (<see cref="ModelKind.Index"/>) and loaded
/// the same way — idempotent by content, changed content refused under the same file version. An invalid file
/// (weights not summing to 100, a zero benchmark, an input without a data source …) stops start-up naming file and
/// field, and nothing is loaded.
/// </summary>
public sealed class IndexPackLoader(AppDb dbs, TimeProvider clock, MetricRegistry metrics, ILogger<IndexPackLoader> log)
{
    public const string FileName = "evaluation.yaml";
    /// <summary>The list of the pack file the index models are written in (for their platform-default label).</summary>
    public const string ListName = "indices";

    internal sealed class FileYaml
    {
        public string Jurisdiction { get; set; } = "";
        public int Version { get; set; }
        public List<Entry> Indices { get; set; } = [];
    }

    internal sealed class Entry : Policies.Packs.LabelledYaml
    {
        public int Year { get; set; }
        public IndexDefinition Index { get; set; } = new();
    }

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public async Task<int> LoadAllAsync(string packsRoot, CancellationToken ct)
    {
        var errors = new List<PackError>();
        var files = new List<(string Origin, FileYaml File)>();
        foreach (var folder in Directory.Exists(packsRoot) ? Directory.GetDirectories(packsRoot).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var path = Path.Combine(folder, FileName);
            if (!File.Exists(path)) continue;
            var name = $"packs/{Path.GetFileName(folder)}/{FileName}";
            if (Read(path, name, errors) is { } file) files.Add(($"{name} v{file.Version}", file));
        }

        await using var db = dbs.OpenSystem();
        var codes = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, j => j.Id, ct);
        var stored = await db.CultivationModels.Where(m => m.FromPack && m.Kind == ModelKind.Index).ToListAsync(ct);
        var added = 0;
        foreach (var (origin, file) in files)
        {
            if (!codes.TryGetValue(file.Jurisdiction, out var jurisdiction))
            {
                errors.Add(new PackError(origin, "jurisdiction", $"辖区代码“{file.Jurisdiction}”不存在 (unknown jurisdiction)"));
                continue;
            }
            foreach (var e in file.Indices)
                if (await CultivationPackLoader.AddRevisionAsync(db, stored, jurisdiction, origin, ModelKind.Index, e.Index.Model.Code, e.Index.Model.Name, e.Year,
                        ModelJson.Write(e.Index), clock.GetUtcNow(), errors, ct))
                    added++;
        }
        if (errors.Count > 0) throw new PackLoadException(errors);
        await db.SaveChangesAsync(ct);
        if (added > 0) log.LogInformation("Evaluation packs: {Count} index model revisions loaded", added);
        return added;
    }

    private FileYaml? Read(string path, string name, List<PackError> errors)
    {
        FileYaml yaml;
        try
        {
            yaml = Yaml.Deserialize<FileYaml>(File.ReadAllText(path)) ?? new FileYaml();
        }
        catch (YamlException e)
        {
            errors.Add(new PackError(name, $"{e.Start.Line}:{e.Start.Column}", $"YAML 格式错误 (YAML error): {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        var before = errors.Count;
        if (yaml.Version < 1) errors.Add(new PackError(name, "version", "须设 version（≥1） (version is required)"));
        for (var n = 0; n < yaml.Indices.Count; n++)
        {
            var e = yaml.Indices[n];
            if (e.Year is < 2000 or > 2100) errors.Add(new PackError(name, $"indices[{n}].year", $"年度 {e.Year} 无效 (year out of range)"));
            errors.AddRange(IndexDefinition.Validate(e.Index, metrics.Supports).Select(x => new PackError(name, $"indices[{n}].index.{x.Field}", x.Message)));
        }
        return errors.Count > before ? null : yaml;
    }
}
