using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Packs;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies.Packs;

namespace Qianglian.Web.Modules.Policies;

/// <summary>A pack that cannot be loaded: every problem with its pack and field. Nothing was written.</summary>
public sealed class PackLoadException(IReadOnlyList<PackError> errors)
    : Exception("政策包有误，未加载任何内容 (policy packs have errors; nothing was loaded):\n" + string.Join("\n", errors.Select(e => "  " + e)))
{
    public IReadOnlyList<PackError> Errors { get; } = errors;
}

/// <summary>
/// Loads <c>packs/</c> into the database in one transaction: jurisdictions, units, ecosystems, chains, working kit,
/// targets and the document with its measures. Idempotent and versioned: a pack whose version and content are
/// already loaded is skipped; a higher version replaces it; changed content under the same version is refused.
/// </summary>
public sealed class PackLoader(AppDb dbs, TimeProvider clock, ILogger<PackLoader> log)
{
    public sealed record Report(IReadOnlyList<string> Loaded, IReadOnlyList<string> Unchanged, IReadOnlyDictionary<string, IReadOnlyList<string>> UnknownUnits);

    public async Task<Report> LoadAllAsync(string packsRoot, CancellationToken ct)
    {
        var read = PackReader.ReadAll(packsRoot);
        if (read.Errors.Count > 0) throw new PackLoadException(read.Errors);

        await using var db = dbs.OpenSystem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var loaded = await db.PolicyPacks.ToDictionaryAsync(p => p.Code, ct);
        var (changed, unchanged) = Partition(read.Packs, loaded);

        var jurisdictions = await UpsertJurisdictions(db, read.Packs.SelectMany(p => p.Definition.Jurisdictions), ct);
        await db.SaveChangesAsync(ct);
        foreach (var pack in changed)
            await UpsertContents(db, pack, jurisdictions, loaded.GetValueOrDefault(pack.Definition.Code), ct);
        await db.SaveChangesAsync(ct);

        var unknown = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var pack in changed)
            unknown[pack.Definition.Code] = await ReplaceDocument(db, pack, jurisdictions[pack.Definition.Jurisdiction], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        foreach (var (code, names) in unknown.Where(u => u.Value.Count > 0))
            log.LogWarning("Pack {Pack}: units named in the document but not registered: {Units}", code, string.Join("、", names));
        return new Report(changed.Select(p => p.Definition.Code).ToList(), unchanged, unknown);
    }

    private static (List<PackFiles> Changed, List<string> Unchanged) Partition(IReadOnlyList<PackFiles> packs, Dictionary<string, PolicyPack> loaded)
    {
        var errors = new List<PackError>();
        var changed = new List<PackFiles>();
        var unchanged = new List<string>();
        foreach (var pack in packs)
        {
            var d = pack.Definition;
            if (!loaded.TryGetValue(d.Code, out var current)) { changed.Add(pack); continue; }
            if (d.Version < current.PackVersion)
                errors.Add(new PackError(d.Code, "version", $"版本 {d.Version} 低于已加载的版本 {current.PackVersion} (older than the loaded version)"));
            else if (d.Version == current.PackVersion && pack.ContentHash != current.ContentHash)
                errors.Add(new PackError(d.Code, "version", $"内容已修改但版本仍为 {d.Version}，请提高版本号 (content changed: raise the version)"));
            else if (d.Version == current.PackVersion) unchanged.Add(d.Code);
            else changed.Add(pack);
        }
        if (errors.Count > 0) throw new PackLoadException(errors);
        return (changed, unchanged);
    }

    /// <summary>Creates missing nodes (parents first) under the national root; existing nodes keep their names.</summary>
    private static async Task<Dictionary<string, Jurisdiction>> UpsertJurisdictions(AppDbContext db, IEnumerable<PackJurisdiction> nodes, CancellationToken ct)
    {
        var byCode = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, ct);
        if (!byCode.TryGetValue(Jurisdiction.NationalCode, out var nation))
        {
            nation = Jurisdiction.Create(Jurisdiction.NationalCode, Jurisdiction.NationalName, JurisdictionLevel.National, null);
            db.Jurisdictions.Add(nation);
            byCode[nation.Code] = nation;
        }
        var levels = new[] { "province", "city", "county", "park" };
        foreach (var node in nodes.DistinctBy(n => n.Code).OrderBy(n => Array.IndexOf(levels, n.Level)))
        {
            var parent = node.Parent is null ? nation : byCode[node.Parent];
            if (byCode.TryGetValue(node.Code, out var existing))
            {
                if (existing.ParentId != parent.Id)
                    throw new PackLoadException([new PackError("packs", $"jurisdictions[{node.Code}].parent", $"与数据库中已有的上级不一致 (parent differs from the stored one)")]);
                continue;
            }
            var created = Jurisdiction.Create(node.Code, node.Name, Enum.Parse<JurisdictionLevel>(node.Level, ignoreCase: true), parent);
            db.Jurisdictions.Add(created);
            byCode[node.Code] = created;
        }
        return byCode;
    }

    private async Task UpsertContents(AppDbContext db, PackFiles files, Dictionary<string, Jurisdiction> jurisdictions, PolicyPack? record, CancellationToken ct)
    {
        var d = files.Definition;
        var home = jurisdictions[d.Jurisdiction];
        record ??= db.PolicyPacks.Add(new PolicyPack { Code = d.Code }).Entity;
        record.JurisdictionId = home.Id;
        record.Name = d.Name;
        record.PackVersion = d.Version;
        record.ContentHash = files.ContentHash;
        record.LoadedAt = clock.GetUtcNow();
        record.CoordinationOffice = d.CoordinationOffice;
        record.DeclaredEcosystemCount = d.Ecosystems.Declared;
        record.DeclaredChainCount = d.Chains.Declared;
        record.WorkingKitName = d.WorkingKit?.Name;
        record.WorkingKitDeclaredCount = d.WorkingKit?.Declared;
        record.WorkingKitItems = d.WorkingKit?.Items.ToList() ?? [];
        record.WorkingKitSource = d.WorkingKit?.Source;

        var units = await db.Units.Where(u => u.Key.StartsWith(d.Code + ".")).ToDictionaryAsync(u => u.Key, ct);
        foreach (var u in d.Units)
        {
            var unit = units.GetValueOrDefault(u.Key) ?? db.Units.Add(new GovernmentUnit { Key = u.Key }).Entity;
            unit.Name = u.Name;
            unit.JurisdictionId = jurisdictions[u.Jurisdiction].Id;
            unit.Kind = u.Kind switch { "party" => UnitKind.Party, "parkCommittee" => UnitKind.ParkCommittee, "township" => UnitKind.Township, "other" => UnitKind.Other, _ => UnitKind.Government };
            unit.Aliases = u.Aliases.ToList();
        }

        var ecosystems = await db.Ecosystems.Where(e => e.JurisdictionId == home.Id).ToDictionaryAsync(e => e.Name, ct);
        for (var i = 0; i < d.Ecosystems.Named.Count; i++)
        {
            var name = d.Ecosystems.Named[i];
            var ecosystem = ecosystems.GetValueOrDefault(name) ?? db.Ecosystems.Add(new Ecosystem { Name = name, JurisdictionId = home.Id }).Entity;
            (ecosystem.Ordinal, ecosystem.PackCode) = (i + 1, d.Code);
            ecosystems[name] = ecosystem;
        }
        var chains = await db.Chains.Where(c => c.JurisdictionId == home.Id).ToDictionaryAsync(c => c.Name, ct);
        for (var i = 0; i < d.Chains.Named.Count; i++)
        {
            var named = d.Chains.Named[i];
            var chain = chains.GetValueOrDefault(named.Name) ?? db.Chains.Add(new Chain { Name = named.Name, JurisdictionId = home.Id }).Entity;
            (chain.Ordinal, chain.PackCode) = (i + 1, d.Code);
            chain.EcosystemId = named.Ecosystem is { } eco ? ecosystems[eco].Id : null;
        }

        var targets = await db.Targets.Where(t => t.PackCode == d.Code).ToDictionaryAsync(t => t.Key, ct);
        foreach (var stale in targets.Values.Where(t => d.Targets.All(n => n.Key != t.Key))) db.Targets.Remove(stale);
        foreach (var t in d.Targets)
        {
            var target = targets.GetValueOrDefault(t.Key) ?? db.Targets.Add(new Target { Key = t.Key, PackCode = d.Code }).Entity;
            target.JurisdictionId = home.Id;
            (target.Name, target.Metric, target.Year, target.Yearly, target.FromYear) = (t.Name, t.Metric, t.Year, t.Yearly, t.FromYear);
            (target.Comparison, target.Value, target.ValueMax, target.UnitOfMeasure) = (t.Comparison, t.Value, t.ValueMax, t.Unit);
            (target.Scope, target.ScopeRef, target.Source) = (t.Scope, t.ScopeRef, t.Source);
        }
    }

    /// <summary>The pack's document, re-imported when its text changed (measures are rebuilt from the text).</summary>
    private async Task<IReadOnlyList<string>> ReplaceDocument(AppDbContext db, PackFiles files, Jurisdiction home, CancellationToken ct)
    {
        var d = files.Definition;
        var text = files.DocumentText.Replace("\r\n", "\n");
        var hash = DocumentImporter.HashOf(text);
        var stale = await db.PolicyDocuments.Where(x => x.PackCode == d.Code && x.ContentHash != hash).ToListAsync(ct);
        db.PolicyDocuments.RemoveRange(stale);
        var outcome = await DocumentImporter.AddAsync(db, home, text,
            new DocumentImporter.Metadata(d.Document.Title, d.Document.Issuer, d.Document.Status, d.Document.IssuedOn, d.Document.ValidUntil, d.Code, d.Document.Validity),
            clock.GetUtcNow(), ct);
        return outcome.UnknownUnits;
    }
}
