using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>An enterprise as the cultivation rules see it: identity, place, and its keyed values for a year.</summary>
public sealed record EnterpriseInput(Guid Id, string Name, string Uscc, Guid JurisdictionId, string JurisdictionPath, Guid? ParkId, string? IndustryCode,
    bool Industrial, bool AboveScale, ListingStatus Listing, bool CloudAdopted, YearFacts? Facts, Dictionary<string, decimal?> Values);

/// <summary>
/// Loads everything the rules and the pages know of a selection of enterprises for a year — the facts of the year and
/// of the two before, the supplementary figures, the profile and the expert scores — with all their values: one query
/// per 2,000 enterprises for what is one row per enterprise (left joins on unique keys), one for the expert scores.
/// (A province-wide run reads only what its models need: <see cref="PopulationSources"/>.)
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
    private static async IAsyncEnumerable<EnterpriseInput> StreamAsync(AppDbContext db, IQueryable<Enterprise> population, int year, DateOnly asOf, bool previousYears,
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
