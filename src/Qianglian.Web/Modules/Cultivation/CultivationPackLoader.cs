using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Packs;
using Qianglian.Core.Scoring;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Policies;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Loads <c>packs/&lt;code&gt;/cultivation.yaml</c> (and <c>packs/national/</c>, the national criteria) at start-up:
/// every model, condition set and settings entry becomes a revision of its code for its jurisdiction and year.
/// Idempotent: an entry whose content is already stored from a pack is skipped; changed content under the same file
/// version is refused (raise the version). Invalid files fail loudly, naming file and field, and load nothing.
/// </summary>
public sealed class CultivationPackLoader(AppDb dbs, TimeProvider clock, ILogger<CultivationPackLoader> log)
{
    public const string FileName = "cultivation.yaml";

    /// <summary>The list of the pack file a model of the kind is written in (for its platform-default label).</summary>
    public static string ListOf(ModelKind kind) => kind switch
    {
        ModelKind.Conditions => "conditionSets",
        ModelKind.Settings => "settings",
        _ => "models",
    };

    internal sealed class FileYaml
    {
        public string Jurisdiction { get; set; } = "";
        public int Version { get; set; }
        public List<ModelEntry> Models { get; set; } = [];
        public List<SetEntry> ConditionSets { get; set; } = [];
        public List<SettingsEntry> Settings { get; set; } = [];
    }

    internal sealed class ModelEntry : Policies.Packs.LabelledYaml { public int Year { get; set; } public ScoringModel Model { get; set; } = new(); }
    internal sealed class SetEntry : Policies.Packs.LabelledYaml { public int Year { get; set; } public ConditionSet Set { get; set; } = new(); }
    internal sealed class SettingsEntry : Policies.Packs.LabelledYaml { public int Year { get; set; } public CultivationSettings Settings { get; set; } = new(); }

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    private sealed record Entry(ModelKind Kind, string Code, string Name, int Year, string Json);

    public async Task<int> LoadAllAsync(string packsRoot, CancellationToken ct)
    {
        var errors = new List<PackError>();
        var files = new List<(string Origin, string Jurisdiction, List<Entry> Entries)>();
        foreach (var folder in Directory.Exists(packsRoot) ? Directory.GetDirectories(packsRoot).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var path = Path.Combine(folder, FileName);
            if (!File.Exists(path)) continue;
            var name = $"packs/{Path.GetFileName(folder)}/{FileName}";
            var (file, fileErrors) = Read(path, name);
            errors.AddRange(fileErrors);
            if (file is not null) files.Add(file.Value);
        }

        await using var db = dbs.OpenSystem();
        var codes = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, j => j.Id, ct);
        foreach (var (origin, code, _) in files.Where(f => !codes.ContainsKey(f.Jurisdiction)))
            errors.Add(new PackError(origin, "jurisdiction", $"辖区代码“{code}”不存在 (unknown jurisdiction)"));
        var stored = await db.CultivationModels.Where(m => m.FromPack).ToListAsync(ct);
        var added = 0;
        foreach (var (origin, code, entries) in files.Where(f => codes.ContainsKey(f.Jurisdiction)))
            foreach (var e in entries)
                if (await AddRevisionAsync(db, stored, codes[code], origin, e.Kind, e.Code, e.Name, e.Year, e.Json, clock.GetUtcNow(), errors, ct))
                    added++;
        if (errors.Count > 0) throw new PackLoadException(errors);
        await db.SaveChangesAsync(ct);
        if (added > 0) log.LogInformation("Cultivation packs: {Count} model revisions loaded", added);
        return added;
    }

    /// <summary>
    /// Adds a pack's model as the next revision of its code for the jurisdiction and year, unless the same content is
    /// already stored from a pack; changed content under the same file version is an error (raise the version).
    /// Shared by every loader of models into this table.
    /// </summary>
    internal static async Task<bool> AddRevisionAsync(AppDbContext db, IReadOnlyList<CultivationModel> storedFromPacks, Guid jurisdiction, string origin,
        ModelKind kind, string code, string name, int year, string json, DateTimeOffset now, List<PackError> errors, CancellationToken ct)
    {
        var hash = ModelJson.Hash(json);
        var same = storedFromPacks.Where(m => m.JurisdictionId == jurisdiction && m.Kind == kind && m.Code == code && m.Year == year).ToList();
        if (same.Any(m => m.ContentHash == hash)) return false;
        if (same.Any(m => m.Origin == origin))
        {
            errors.Add(new PackError(origin, $"{code}@{year}", "内容已修改但文件版本未变，请提高 version (content changed: raise the version)"));
            return false;
        }
        var revision = await db.CultivationModels.Where(m => m.JurisdictionId == jurisdiction && m.Kind == kind && m.Code == code && m.Year == year)
            .MaxAsync(m => (int?)m.Revision, ct) ?? 0;
        db.CultivationModels.Add(new CultivationModel
        {
            JurisdictionId = jurisdiction, Kind = kind, Code = code, Name = name, Year = year, Revision = revision + 1,
            Definition = json, ContentHash = hash, Origin = origin, FromPack = true, CreatedAt = now,
        });
        return true;
    }

    private static ((string, string, List<Entry>)? File, List<PackError> Errors) Read(string path, string name)
    {
        FileYaml yaml;
        try
        {
            yaml = Yaml.Deserialize<FileYaml>(System.IO.File.ReadAllText(path)) ?? new FileYaml();
        }
        catch (YamlException e)
        {
            return (null, [new PackError(name, $"{e.Start.Line}:{e.Start.Column}", $"YAML 格式错误 (YAML error): {e.InnerException?.Message ?? e.Message}")]);
        }
        var errors = new List<PackError>();
        var origin = $"{name} v{yaml.Version}";
        if (yaml.Version < 1) errors.Add(new PackError(name, "version", "须设 version（≥1） (version is required)"));
        var entries = new List<Entry>();
        void Year(string at, int year)
        {
            if (year is < 2000 or > 2100) errors.Add(new PackError(name, $"{at}.year", $"年度 {year} 无效 (year out of range)"));
        }
        for (var n = 0; n < yaml.Models.Count; n++)
        {
            var (year, model) = (yaml.Models[n].Year, yaml.Models[n].Model);
            Year($"models[{n}]", year);
            errors.AddRange(ModelValidator.Validate(model, Inputs.IsKnown).Select(e => new PackError(name, $"models[{n}].model.{e.Field}", e.Message)));
            entries.Add(new(ModelKind.Scoring, model.Code, model.Name, year, ModelJson.Write(model)));
        }
        for (var n = 0; n < yaml.ConditionSets.Count; n++)
        {
            var (year, set) = (yaml.ConditionSets[n].Year, yaml.ConditionSets[n].Set);
            Year($"conditionSets[{n}]", year);
            errors.AddRange(Conditions.Validate(set, Inputs.IsKnown).Select(e => new PackError(name, $"conditionSets[{n}].set.{e.Field}", e.Message)));
            entries.Add(new(ModelKind.Conditions, set.Code, set.Name, year, ModelJson.Write(set)));
        }
        for (var n = 0; n < yaml.Settings.Count; n++)
        {
            var (year, settings) = (yaml.Settings[n].Year, yaml.Settings[n].Settings);
            Year($"settings[{n}]", year);
            errors.AddRange(ModelJson.ValidateSettings(settings).Select(e => new PackError(name, $"settings[{n}].settings.{e.Field}", e.Message)));
            entries.Add(new(ModelKind.Settings, ModelCatalog.SettingsCode, "培育工作参数", year, ModelJson.Write(settings)));
        }
        return (errors.Count > 0 ? null : (origin, yaml.Jurisdiction, entries), errors);
    }
}
