using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Policies;
using Qianglian.Web.Api;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Policies;

/// <summary>
/// Turns a policy text into a document with its measures, checklist and responsibility units (matched to the
/// registered units of the jurisdiction, its ancestors and its subtree). Adds to the given context without saving,
/// so the caller decides the transaction (one import, or a whole pack load).
/// </summary>
public static class DocumentImporter
{
    public sealed record Metadata(string? Title, string? Issuer, string? Status, DateOnly? IssuedOn, DateOnly? ValidUntil, string? PackCode, string? Validity = null);

    /// <param name="UnknownUnits">Names in responsibility clauses that match no unit: stored and reported, never dropped.</param>
    public sealed record Outcome(PolicyDocument Document, IReadOnlyList<string> UnknownUnits, bool AlreadyImported);

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static async Task<Outcome> AddAsync(AppDbContext db, Jurisdiction jurisdiction, string text, Metadata meta, DateTimeOffset now, CancellationToken ct)
    {
        var hash = HashOf(text);
        var existing = await db.PolicyDocuments.Include(d => d.Measures).ThenInclude(m => m.Units)
            .FirstOrDefaultAsync(d => d.JurisdictionId == jurisdiction.Id && d.ContentHash == hash, ct);
        var parsed = Parse(text);
        var matcher = await MatcherFor(db, jurisdiction, ct);
        if (existing is not null)
        {
            Refresh(existing, parsed, matcher);
            return new Outcome(existing, UnknownOf(existing), AlreadyImported: true);
        }

        var document = new PolicyDocument
        {
            JurisdictionId = jurisdiction.Id,
            Title = string.IsNullOrWhiteSpace(meta.Title) ? parsed.Title : meta.Title.Trim(),
            Issuer = meta.Issuer, Status = meta.Status, IssuedOn = meta.IssuedOn, ValidUntil = meta.ValidUntil,
            Validity = meta.Validity, PackCode = meta.PackCode, SourceText = text, ContentHash = hash, ImportedAt = now,
        };
        foreach (var m in parsed.Measures) document.Measures.Add(MeasureOf(document, m, matcher));
        document.Checklist.AddRange(parsed.Checklist.Select(c => new ChecklistItem
        {
            JurisdictionId = jurisdiction.Id, DocumentId = document.Id, Number = c.Number, Name = c.Name,
        }));
        db.PolicyDocuments.Add(document);
        return new Outcome(document, UnknownOf(document), AlreadyImported: false);
    }

    private static Measure MeasureOf(PolicyDocument document, ParsedMeasure m, Matcher matcher)
    {
        var measure = new Measure
        {
            JurisdictionId = document.JurisdictionId, DocumentId = document.Id, Number = m.Number, Ordinal = m.Ordinal,
            Group = m.Group, Title = m.Title, Body = m.Body, Line = m.Line,
            ResponsibilityForm = m.Responsibility.Form.ToString(), ResponsibilityText = m.Responsibility.RawText,
        };
        measure.Units.AddRange(UnitsOf(m, measure, matcher));
        return measure;
    }

    private static ParsedDocument Parse(string text)
    {
        try
        {
            return PolicyDocumentParser.Parse(text);
        }
        catch (PolicyParseException e)
        {
            throw new ValidationException("text", e.Message);
        }
    }

    private static IEnumerable<MeasureUnit> UnitsOf(ParsedMeasure parsed, Measure measure, Matcher matcher) =>
        parsed.Responsibility.Lead.Select((name, i) => Unit(matcher, measure, MeasureRole.Lead, i, name))
            .Concat(parsed.Responsibility.Cooperating.Select((name, i) => Unit(matcher, measure, MeasureRole.Cooperating, i, name)));

    /// <summary>
    /// The same text read again: its responsibility units are read with today's rules and matched to today's units (a
    /// unit registered since, a county added to the pack), replacing the stored ones where they differ. The measures
    /// themselves stay (their tasks refer to them); measures today's rules read after the stored ones are added (黔江
    /// 四（一）–（三）, read since they were found to carry clauses). If the stored measures read differently, nothing is touched.
    /// </summary>
    private static void Refresh(PolicyDocument document, ParsedDocument parsed, Matcher matcher)
    {
        var measures = document.Measures.OrderBy(m => m.Ordinal).ToList();
        if (measures.Count > parsed.Measures.Count || measures.Zip(parsed.Measures).Any(p => p.First.Number != p.Second.Number)) return;
        foreach (var added in parsed.Measures.Skip(measures.Count)) document.Measures.Add(MeasureOf(document, added, matcher));
        foreach (var (measure, read) in measures.Zip(parsed.Measures))
        {
            var fresh = UnitsOf(read, measure, matcher).ToList();
            static string Key(MeasureUnit u) => $"{u.Role}|{u.Position}|{u.RawName}|{u.UnitId}|{u.MatchKind}|{u.CatchAll}";
            var same = fresh.Select(Key).SequenceEqual(measure.Units.OrderBy(u => u.Role).ThenBy(u => u.Position).Select(Key))
                       && measure.ResponsibilityForm == read.Responsibility.Form.ToString();
            if (same) continue;
            measure.ResponsibilityForm = read.Responsibility.Form.ToString();
            measure.ResponsibilityText = read.Responsibility.RawText;
            foreach (var old in measure.Units.ToList()) measure.Units.Remove(old);
            measure.Units.AddRange(fresh);
        }
    }

    private static MeasureUnit Unit(Matcher matcher, Measure measure, MeasureRole role, int position, string rawName)
    {
        var match = matcher.Names.Match(rawName);
        return new MeasureUnit
        {
            JurisdictionId = measure.JurisdictionId, MeasureId = measure.Id, Role = role, Position = position, RawName = rawName,
            UnitId = match.Unit is { } u ? matcher.IdsByKey[u.Key] : null,
            MatchKind = match.Kind.ToString(), CatchAll = match.CatchAll?.ToString(),
        };
    }

    private sealed record Matcher(UnitNameMatcher Names, IReadOnlyDictionary<string, Guid> IdsByKey);

    /// <summary>Units of the document's jurisdiction, of its ancestors (a district document names city bureaus) and of its subtree.</summary>
    private static async Task<Matcher> MatcherFor(AppDbContext db, Jurisdiction jurisdiction, CancellationToken ct)
    {
        var path = jurisdiction.JurisdictionPath;
        // Its own and its ancestors' units are configuration it inherits; its subtree's lie in the caller's scope.
        var units = await db.InheritedAsync<GovernmentUnit>([path], ct);
        units.AddRange(await db.Units.AsNoTracking().Where(u => u.JurisdictionPath.StartsWith(path) && u.JurisdictionPath != path).ToListAsync(ct));
        // Units added in this same transaction (a pack load) are not in the database yet.
        var ancestors = Qianglian.Core.Jurisdictions.JurisdictionPath.SelfAndAncestors(path);
        units.AddRange(db.ChangeTracker.Entries<GovernmentUnit>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(u => ancestors.Contains(u.JurisdictionPath) || u.JurisdictionPath.StartsWith(path, StringComparison.Ordinal)));
        var codes = await db.JurisdictionCodesAsync(units.Select(u => u.JurisdictionId), ct);
        var places = await PlacesOf(db, units.Select(u => u.JurisdictionId).Distinct().ToList(), ct);
        var known = units.Select(u => new KnownUnit(u.Key, u.Name, codes.GetValueOrDefault(u.JurisdictionId, ""), u.Aliases,
            places.TryGetValue(u.JurisdictionId, out var place) && PlaceUnit.AnswersFor(place.Kind, u.Kind == UnitKind.ParkCommittee, u.Kind == UnitKind.CountyGovernment, u.Kind == UnitKind.Government, u.Name)
                ? place.Name : null)).ToList();
        return new Matcher(new UnitNameMatcher(known), units.ToDictionary(u => u.Key, u => u.Id));
    }


    /// <summary>The names and kinds of the units' places: those in the caller's subtree, and those this same transaction adds.</summary>
    private static async Task<Dictionary<Guid, (string Name, PlaceKind Kind)>> PlacesOf(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var stored = await db.Jurisdictions.AsNoTracking().Where(j => ids.Contains(j.Id)).Select(j => new { j.Id, j.Name, j.Level }).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<Jurisdiction>().Where(e => e.State == EntityState.Added && ids.Contains(e.Entity.Id))
            .Select(e => new { e.Entity.Id, e.Entity.Name, e.Entity.Level });
        return stored.Concat(added).DistinctBy(j => j.Id).ToDictionary(j => j.Id, j => (j.Name, PlaceKindOf(j.Level)));
    }

    public static PlaceKind PlaceKindOf(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.County => PlaceKind.County,
        JurisdictionLevel.Park => PlaceKind.Park,
        _ => PlaceKind.Other,
    };

    private static List<string> UnknownOf(PolicyDocument d) =>
        d.Measures.SelectMany(m => m.Units).Where(u => u.MatchKind == ReadDocuments.UnknownMatch).Select(u => u.RawName).Distinct().ToList();
}
