using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Scoring;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// What a province-wide run reads of its enterprises: one streaming query of only the columns the rules read (no
/// entities), turned into each enterprise's <see cref="ValueSources"/>, and from those the row of values a compiled
/// model reads. (<see cref="EnterpriseInputs"/> loads a handful of enterprises with all their values, for the pages.)
/// </summary>
public static class PopulationSources
{
    /// <summary>An enterprise of a population as a province-wide run reads it: place, size, and what its values derive from (null: no facts for the year).</summary>
    public sealed record Sourced(Guid Id, Guid JurisdictionId, bool AboveScale, ValueSources? Sources);

    /// <summary>
    /// What a run's models read (<see cref="For"/>): which columns of the facts — always the revenue and employees every
    /// enterprise's size and scale are classified by — and which sources beyond the year's facts.
    /// </summary>
    public sealed record Needs(FactColumns Facts, bool PreviousYear, bool YearBeforePrevious, bool Supplementary, bool Profile)
    {
        public static Needs For(IEnumerable<CompiledModel> models)
        {
            var keys = models.SelectMany(m => m.Inputs).ToList();
            return new(EnterpriseValues.FactsRead(keys) | FactColumns.Revenue | FactColumns.Employees,
                keys.Any(EnterpriseValues.FromPreviousYears.Contains), keys.Any(EnterpriseValues.FromYearBeforePrevious.Contains),
                EnterpriseValues.NeedSupplementary(keys), EnterpriseValues.NeedProfile(keys));
        }
    }

    /// <summary>
    /// The population for a run, streamed by one query of only the columns the rules read (no entities: a province is a
    /// million rows), each enterprise's sources of values for the year; the fact columns, the two earlier years, the
    /// supplementary figures and the profile only as far as <paramref name="needs"/> says (the others read as zero).
    /// </summary>
    /// <param name="factsOnly">Leave out the enterprises without facts for the year (otherwise streamed with no sources).</param>
    public static async IAsyncEnumerable<Sourced> StreamSourcesAsync(AppDbContext db, IQueryable<Enterprise> population, int year, DateOnly asOf, Needs needs, bool factsOnly,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var facts = db.EnterpriseFacts.AsNoTracking();
        var (previous, before, previousYear, yearBefore, supplementary, profile) = (year - 1, year - 2, needs.PreviousYear, needs.YearBeforePrevious, needs.Supplementary, needs.Profile);
        // A column no model reads is asked for as zero: on PostgreSQL the condition is a parameter the plan folds, so the
        // column is neither carried through the joins nor sent (half the query's cost for a chain-leader model).
        var c = needs.Facts;
        var (output, added, profit, tax, rd, patents, energy, power, emissions, land) = (c.HasFlag(FactColumns.OutputValue), c.HasFlag(FactColumns.ValueAdded),
            c.HasFlag(FactColumns.Profit), c.HasFlag(FactColumns.TaxPaid), c.HasFlag(FactColumns.RdSpend), c.HasFlag(FactColumns.InventionPatents),
            c.HasFlag(FactColumns.EnergyTce), c.HasFlag(FactColumns.ElectricityKwh), c.HasFlag(FactColumns.EmissionsTonnes), c.HasFlag(FactColumns.LandMu));
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
                       Year = f == null ? null : new YearFacts(f.Year, f.Revenue, output ? f.OutputValue : 0, added ? f.ValueAdded : 0, profit ? f.Profit : 0,
                           tax ? f.TaxPaid : 0, f.Employees, rd ? f.RdSpend : 0, patents ? f.InventionPatents : 0, energy ? f.EnergyTce : 0,
                           power ? f.ElectricityKwh : 0, emissions ? f.EmissionsTonnes : 0, land ? f.LandMu : 0),
                       Previous = p == null ? null : new PriorYear(p.Revenue, output ? p.OutputValue : 0, rd ? p.RdSpend : 0),
                       Before = b == null ? null : new PriorYear(b.Revenue, output ? b.OutputValue : 0, rd ? b.RdSpend : 0),
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
            if (r.Year is not { } yearFacts)
            {
                yield return new Sourced(r.Id, r.JurisdictionId, false, null);
                continue;
            }
            var sme = EnterpriseSize.IsSme(EnterpriseSize.Classify(yearFacts.Employees, yearFacts.Revenue));
            yield return new Sourced(r.Id, r.JurisdictionId, AboveScale.Is(industrial, yearFacts.Revenue),
                new ValueSources(yearFacts, r.Previous, r.Before, r.Extra, r.Profile, industrial, code?.Section == 'D', sme, asOf));
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
    /// <paramref name="experts"/> (keys with the <c>expert:</c> prefix); any other key (a chain's value) is left for the caller.
    /// </summary>
    public static decimal?[] Row(CompiledModel model, Func<ValueSources, decimal?>?[] readers, ValueSources sources,
        IReadOnlyDictionary<string, decimal>? experts)
    {
        var row = new decimal?[readers.Length];
        for (var n = 0; n < row.Length; n++)
        {
            if (readers[n] is { } read) row[n] = read(sources);
            else if (experts is not null && experts.TryGetValue(model.Inputs[n], out var score)) row[n] = score;
        }
        return row;
    }
}
