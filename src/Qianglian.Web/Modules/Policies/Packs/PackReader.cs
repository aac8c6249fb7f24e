using System.Security.Cryptography;
using Qianglian.Core.Packs;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Qianglian.Web.Modules.Policies.Packs;

/// <summary>A pack as read from disk: its definition, its document's text and a hash over both files.</summary>
public sealed record PackFiles(PackDefinition Definition, string DocumentText, string ContentHash, string Folder);

/// <summary>
/// Reads <c>packs/&lt;code&gt;/pack.yaml</c> and its document. YAML errors and unknown keys are reported with file,
/// line and column; everything else is checked by <see cref="PackValidator"/>.
/// </summary>
public static class PackReader
{
    public const string FileName = "pack.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public sealed record Result(IReadOnlyList<PackFiles> Packs, IReadOnlyList<PackError> Errors);

    public static Result ReadAll(string packsRoot)
    {
        var packs = new List<PackFiles>();
        var errors = new List<PackError>();
        if (!Directory.Exists(packsRoot))
            return new Result(packs, [new PackError("packs", packsRoot, "政策包目录不存在 (packs folder not found)")]);
        foreach (var folder in Directory.GetDirectories(packsRoot).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, FileName))) continue;
            var (pack, packErrors) = Read(folder);
            errors.AddRange(packErrors);
            if (pack is not null) packs.Add(pack);
        }
        errors.AddRange(PackSet.Validate(packs.Select(p => p.Definition).ToList()));
        return new Result(packs, errors);
    }

    public static (PackFiles? Pack, IReadOnlyList<PackError> Errors) Read(string folder)
    {
        var name = Path.GetFileName(folder);
        var yamlPath = Path.Combine(folder, FileName);
        PackYaml yaml;
        try
        {
            yaml = Yaml.Deserialize<PackYaml>(File.ReadAllText(yamlPath)) ?? new PackYaml();
        }
        catch (YamlException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            return (null, [new PackError(name, $"{FileName}:{e.Start.Line}:{e.Start.Column}", $"YAML 格式错误 (YAML error): {detail}")]);
        }
        var definition = Map(yaml);
        var errors = PackValidator.Validate(definition).ToList();
        if (definition.Code != name)
            errors.Add(new PackError(name, "code", $"政策包代码“{definition.Code}”应与目录名“{name}”一致 (code must match the folder name)"));
        var documentPath = Path.Combine(folder, definition.Document.File);
        if (definition.Document.File.Length > 0 && !File.Exists(documentPath))
            errors.Add(new PackError(name, "document.file", $"找不到文件“{definition.Document.File}” (document file not found)"));
        if (errors.Count > 0) return (null, errors);

        var yamlBytes = File.ReadAllBytes(yamlPath);
        var documentBytes = File.ReadAllBytes(documentPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. yamlBytes, .. documentBytes]));
        return (new PackFiles(definition, System.Text.Encoding.UTF8.GetString(documentBytes), hash, folder), []);
    }

    private static PackDefinition Map(PackYaml y) => new(
        y.Code, y.Version, y.Name, y.Jurisdiction,
        y.Jurisdictions.Select(j => new PackJurisdiction(j.Code, j.Name, j.Level, j.Parent)).ToList(),
        new PackDocument(y.Document.File, y.Document.Title, y.Document.Issuer, y.Document.Status, y.Document.IssuedOn, y.Document.ValidUntil, y.Document.Validity),
        y.CoordinationOffice,
        new PackNames(y.Ecosystems.Declared, y.Ecosystems.Named, y.Ecosystems.Source),
        new PackChains(y.Chains.Declared, y.Chains.Named.Select(c => new PackChain(c.Name, c.Ecosystem)).ToList(), y.Chains.Source),
        y.WorkingKit is { } k ? new PackWorkingKit(k.Name, k.Declared, k.Items, k.Source) : null,
        y.Units.Select(u => new PackUnit(u.Key, u.Name, u.Jurisdiction, u.Kind, u.Aliases)).ToList(),
        y.Targets.Select(t => new PackTarget(t.Key, t.Name, t.Metric, t.Year, t.Yearly, t.FromYear, t.Comparison, t.Value, t.ValueMax, t.Unit, t.Scope, t.ScopeRef, t.Source)).ToList());
}
