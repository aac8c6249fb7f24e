using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>An enterprise as the cultivation rules see it: identity, place, and its keyed values for a year.</summary>
public sealed record EnterpriseInput(Guid Id, string Name, string Uscc, Guid JurisdictionId, string JurisdictionPath, Guid? ParkId, string? IndustryCode,
    bool Industrial, bool AboveScale, ListingStatus Listing, bool CloudAdopted, YearFacts? Facts, Dictionary<string, decimal?> Values);

/// <summary>
/// Loads what the rules need of a population of enterprises for a year — the facts of the year and of the two before,
/// the supplementary figures, the profile and the expert scores — and turns each into values. One streaming query
/// reads the enterprises with everything that is one row per enterprise (left joins on unique keys), a second the
/// expert scores, so a province of a million enterprises is two round trips, not thousands.
/// </summary>
public static class EnterpriseInputs
{
    /// <summary>The enterprises of <paramref name="ids"/> (a handful: an explanation, the gradient of a selection).</summary>
    public static async Task<Dictionary<Guid, EnterpriseInput>> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, int year, DateOnly asOf, CancellationToken ct)
    {
        var result = new Dictionary<Guid, EnterpriseInput>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(2000))
            await foreach (var input in StreamAsync(db, db.Enterprises.Where(e => chunk.Contains(e.Id)), year, asOf, previousYears: true, ct))
                result[input.Id] = input;
        return result;
    }

    /// <summary>
    /// The inputs of every enterprise of <paramref name="population"/>, streamed. Without <paramref name="previousYears"/>
    /// the two earlier years are not read, and the values that need them (growth) are absent: pass it when the model
    /// reads any of <see cref="EnterpriseValues.FromPreviousYears"/>.
    /// </summary>
    public static async IAsyncEnumerable<EnterpriseInput> StreamAsync(AppDbContext db, IQueryable<Enterprise> population, int year, DateOnly asOf, bool previousYears,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var experts = (await db.ExpertScores.AsNoTracking()
                .Where(s => s.Year == year && s.ChainId == null && population.Select(e => e.Id).Contains(s.EnterpriseId)).ToListAsync(ct))
            .ToLookup(s => s.EnterpriseId);
        var facts = db.EnterpriseFacts.AsNoTracking();
        var (previous, before) = (year - 1, year - 2);
        var rows = from e in population.AsNoTracking()
                   join f in facts.Where(f => f.Year == year) on e.Id equals f.EnterpriseId into fs
                   from f in fs.DefaultIfEmpty()
                   join p in facts.Where(f => previousYears && f.Year == previous) on e.Id equals p.EnterpriseId into ps
                   from p in ps.DefaultIfEmpty()
                   join b in facts.Where(f => previousYears && f.Year == before) on e.Id equals b.EnterpriseId into bs
                   from b in bs.DefaultIfEmpty()
                   join x in db.CultivationYears.AsNoTracking().Where(y => y.Year == year) on e.Id equals x.EnterpriseId into xs
                   from x in xs.DefaultIfEmpty()
                   join o in db.CultivationProfiles.AsNoTracking() on e.Id equals o.EnterpriseId into os
                   from o in os.DefaultIfEmpty()
                   select new { Enterprise = e, Year = f, Previous = p, Before = b, Extra = x, Profile = o };
        // Rows are read on one thread and turned into values in batches on every core.
        var batch = new List<(Enterprise, EnterpriseYearFact?, EnterpriseYearFact?, EnterpriseYearFact?, CultivationYear?, CultivationProfile?)>(BuildBatch);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add((row.Enterprise, row.Year, row.Previous, row.Before, row.Extra, row.Profile));
            if (batch.Count < BuildBatch) continue;
            foreach (var input in BuildAll(batch, experts, asOf)) yield return input;
            batch.Clear();
        }
        foreach (var input in BuildAll(batch, experts, asOf)) yield return input;
    }

    /// <summary>An enterprise of a population as a province-wide run reads it: place, size, and what its values derive from (null: no facts for the year).</summary>
    public sealed record Sourced(Guid Id, Guid JurisdictionId, bool AboveScale, ValueSources? Sources);

    /// <summary>Which sources beyond the year's facts a run's models read (<see cref="For"/>).</summary>
    public sealed record Needs(bool PreviousYear, bool YearBeforePrevious, bool Supplementary, bool Profile)
    {
        public static Needs For(IEnumerable<CompiledModel> models)
        {
            var keys = models.SelectMany(m => m.Inputs).ToList();
            return new(keys.Any(EnterpriseValues.FromPreviousYears.Contains), keys.Any(EnterpriseValues.FromYearBeforePrevious.Contains),
                EnterpriseValues.NeedSupplementary(keys), EnterpriseValues.NeedProfile(keys));
        }
    }

    /// <summary>
    /// The population for a run, streamed by one query of only the columns the rules read (no entities: a province is a
    /// million rows), each enterprise's sources of values for the year; the two earlier years, the supplementary
    /// figures and the profile only as far as <paramref name="needs"/> says.
    /// </summary>
    /// <param name="factsOnly">Leave out the enterprises without facts for the year (otherwise streamed with no sources).</param>
    public static async IAsyncEnumerable<Sourced> StreamSourcesAsync(AppDbContext db, IQueryable<Enterprise> population, int year, DateOnly asOf, Needs needs, bool factsOnly,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var facts = db.EnterpriseFacts.AsNoTracking();
        var (previous, before, previousYear, yearBefore, supplementary, profile) = (year - 1, year - 2, needs.PreviousYear, needs.YearBeforePrevious, needs.Supplementary, needs.Profile);
        var rows = from e in population.AsNoTracking()
                   join f in facts.Where(f => f.Year == year) on e.Id equals f.EnterpriseId into fs
                   from f in fs.DefaultIfEmpty()
                   join p in facts.Where(f => previousYear && f.Year == previous) on e.Id equals p.EnterpriseId into ps
                   from p in ps.DefaultIfEmpty()
                   join b in facts.Where(f => yearBefore && f.Year == before) on e.Id equals b.EnterpriseId into bs
                   from b in bs.DefaultIfEmpty()
                   join x in db.CultivationYears.AsNoTracking().Where(y => supplementary && y.Year == year) on e.Id equals x.EnterpriseId into xs
                   from x in xs.DefaultIfEmpty()
                   join o in db.CultivationProfiles.AsNoTracking().Where(o => profile) on e.Id equals o.EnterpriseId into os
                   from o in os.DefaultIfEmpty()
                   where !factsOnly || f != null
                   select new
                   {
                       e.Id, e.JurisdictionId, e.IndustryCode,
                       Year = f == null ? null : new YearFacts(f.Year, f.Revenue, f.OutputValue, f.ValueAdded, f.Profit, f.TaxPaid, f.Employees, f.RdSpend, f.InventionPatents, f.EnergyTce, f.ElectricityKwh, f.EmissionsTonnes, f.LandMu),
                       Previous = p == null ? null : new PriorYear(p.Revenue, p.OutputValue, p.RdSpend),
                       Before = b == null ? null : new PriorYear(b.Revenue, b.OutputValue, b.RdSpend),
                       Extra = x == null ? null : new Supplementary(x.MainBusinessRevenue, x.TotalAssets, x.TotalLiabilities, x.RdStaff, x.HighValueIp, x.OwnClassOneIp, x.ClassOneIp, x.ClassTwoIp, x.EquityFinancing2y),
                       Profile = o == null ? null : new Profile(o.ProductionStartedOn, o.NicheSinceYear, o.StrategicEmerging, o.RdInstitutionLevel, o.MajorProjectUnderConstruction),
                   };
        // A province has a million enterprises and a few thousand industry codes: each code is checked once.
        var codes = new Dictionary<string, IndustryCodeCheck>(StringComparer.Ordinal);
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            IndustryCodeCheck? code = null;
            if (r.IndustryCode is { } text && !codes.TryGetValue(text, out code)) codes[text] = code = IndustryCode.Check(text);
            var industrial = code?.IsIndustrial == true;
            if (r.Year is not { } facts1)
            {
                yield return new Sourced(r.Id, r.JurisdictionId, false, null);
                continue;
            }
            var sme = EnterpriseSize.IsSme(EnterpriseSize.Classify(facts1.Employees, facts1.Revenue));
            yield return new Sourced(r.Id, r.JurisdictionId, AboveScale.Is(industrial, facts1.Revenue),
                new ValueSources(facts1, r.Previous, r.Before, r.Extra, r.Profile, industrial, code?.Section == 'D', sme, asOf));
        }
    }

    /// <summary>The enterprise-level expert scores of a population for the year, by enterprise and key — only when a model reads any.</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, decimal>>> ExpertScoresAsync(AppDbContext db, IQueryable<Enterprise> population, int year,
        IEnumerable<CompiledModel> models, CancellationToken ct)
    {
        if (!models.SelectMany(m => m.Inputs).Any(k => k.StartsWith(Inputs.ExpertPrefix, StringComparison.Ordinal))) return [];
        return (await db.ExpertScores.AsNoTracking().Where(s => s.Year == year && s.ChainId == null && population.Select(e => e.Id).Contains(s.EnterpriseId))
                .Select(s => new { s.EnterpriseId, s.Key, s.Score }).ToListAsync(ct))
            .GroupBy(s => s.EnterpriseId).ToDictionary(g => g.Key, g => g.ToDictionary(s => Inputs.ExpertPrefix + s.Key, s => s.Score, StringComparer.Ordinal));
    }

    /// <summary>
    /// A compiled model's row of values for one enterprise: each key from its sources, expert scores from
    /// <paramref name="experts"/> (keys with the <c>expert:</c> prefix), chain-level values from <paramref name="extra"/>.
    /// </summary>
    public static decimal?[] Row(CompiledModel model, Func<ValueSources, decimal?>?[] readers, ValueSources sources,
        IReadOnlyDictionary<string, decimal>? experts, IReadOnlyDictionary<string, decimal?>? extra = null)
    {
        var row = new decimal?[readers.Length];
        for (var n = 0; n < row.Length; n++)
        {
            if (readers[n] is { } read) row[n] = read(sources);
            else if (extra is not null && extra.TryGetValue(model.Inputs[n], out var v)) row[n] = v;
            else if (experts is not null && experts.TryGetValue(model.Inputs[n], out var score)) row[n] = score;
        }
        return row;
    }

    private const int BuildBatch = 10_000;

    private static List<EnterpriseInput> BuildAll(List<(Enterprise E, EnterpriseYearFact? Year, EnterpriseYearFact? Previous, EnterpriseYearFact? Before, CultivationYear? Extra, CultivationProfile? Profile)> rows,
        ILookup<Guid, ExpertScore> experts, DateOnly asOf) =>
        rows.AsParallel().AsOrdered().WithDegreeOfParallelism(rows.Count < 1000 ? 1 : Environment.ProcessorCount).Select(r =>
        {
            var input = Build(r.E, r.Year, r.Previous, r.Before, r.Extra, r.Profile, asOf);
            foreach (var s in experts[r.E.Id]) input.Values[Inputs.ExpertPrefix + s.Key] = s.Score;
            return input;
        }).ToList();

    public static EnterpriseInput Build(Enterprise e, EnterpriseYearFact? year, EnterpriseYearFact? previous, EnterpriseYearFact? before,
        CultivationYear? extra, CultivationProfile? profile, DateOnly asOf)
    {
        var code = e.IndustryCode is { } c ? IndustryCode.Check(c) : null;
        var industrial = code?.IsIndustrial == true;
        var facts = year is null ? null : ToCore(year);
        var size = year is null ? (SizeClass?)null : EnterpriseSize.Classify(year.Employees, year.Revenue);
        var values = facts is null ? new Dictionary<string, decimal?>() : EnterpriseValues.Of(facts, previous is null ? null : ToCore(previous), before is null ? null : ToCore(before),
            extra is null ? null : new Supplementary(extra.MainBusinessRevenue, extra.TotalAssets, extra.TotalLiabilities, extra.RdStaff, extra.HighValueIp, extra.OwnClassOneIp,
                extra.ClassOneIp, extra.ClassTwoIp, extra.EquityFinancing2y),
            profile is null ? null : new Profile(profile.ProductionStartedOn, profile.NicheSinceYear, profile.StrategicEmerging, profile.RdInstitutionLevel, profile.MajorProjectUnderConstruction),
            industrial, utility: code?.Section == 'D', sme: size is { } s && EnterpriseSize.IsSme(s), asOf);
        return new EnterpriseInput(e.Id, e.Name, e.Uscc, e.JurisdictionId, e.JurisdictionPath, e.ParkId, e.IndustryCode, industrial,
            year is not null && AboveScale.Is(industrial, year.Revenue), e.Listing, e.CloudAdopted, facts, values);
    }

    public static YearFacts ToCore(EnterpriseYearFact f) => new(f.Year, f.Revenue, f.OutputValue, f.ValueAdded, f.Profit, f.TaxPaid, f.Employees,
        f.RdSpend, f.InventionPatents, f.EnergyTce, f.ElectricityKwh, f.EmissionsTonnes, f.LandMu);
}
