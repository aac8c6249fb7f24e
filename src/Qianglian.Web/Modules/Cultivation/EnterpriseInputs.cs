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
/// Loads what the rules need of a set of enterprises for a year — facts of the year and the two before, the
/// supplementary figures, the profile, expert scores — in a few set queries (chunked), and turns each into values.
/// </summary>
public static class EnterpriseInputs
{
    public static async Task<Dictionary<Guid, EnterpriseInput>> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, int year, DateOnly asOf, CancellationToken ct)
    {
        var result = new Dictionary<Guid, EnterpriseInput>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(2000))
        {
            var enterprises = await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Id)).ToListAsync(ct);
            var facts = (await db.EnterpriseFacts.AsNoTracking().Where(f => chunk.Contains(f.EnterpriseId) && f.Year >= year - 2 && f.Year <= year).ToListAsync(ct))
                .ToLookup(f => f.EnterpriseId);
            var extras = await db.CultivationYears.AsNoTracking().Where(y => chunk.Contains(y.EnterpriseId) && y.Year == year).ToDictionaryAsync(y => y.EnterpriseId, ct);
            var profiles = await db.CultivationProfiles.AsNoTracking().Where(p => chunk.Contains(p.EnterpriseId)).ToDictionaryAsync(p => p.EnterpriseId, ct);
            var experts = (await db.ExpertScores.AsNoTracking().Where(s => chunk.Contains(s.EnterpriseId) && s.Year == year && s.ChainId == null).ToListAsync(ct))
                .ToLookup(s => s.EnterpriseId);
            foreach (var e in enterprises)
            {
                var byYear = facts[e.Id].ToDictionary(f => f.Year);
                var input = Build(e, byYear.GetValueOrDefault(year), byYear.GetValueOrDefault(year - 1), byYear.GetValueOrDefault(year - 2),
                    extras.GetValueOrDefault(e.Id), profiles.GetValueOrDefault(e.Id), asOf);
                foreach (var s in experts[e.Id]) input.Values[Inputs.ExpertPrefix + s.Key] = s.Score;
                result[e.Id] = input;
            }
        }
        return result;
    }

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
