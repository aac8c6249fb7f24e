using Qianglian.Core.Enterprises;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>A registry row: the enterprise and what its latest year's facts say (size class and 规上 computed).</summary>
public sealed record EnterpriseView(Guid Id, string Uscc, string Name, Guid JurisdictionId, string JurisdictionPath, Guid? ParkId,
    string? Address, string? IndustryCode, ListingStatus Listing, bool CloudAdopted, int Version,
    int? LatestYear, decimal? Revenue, SizeClass? Size, bool AboveScale)
{
    /// <summary>The industry as GB/T 4754-2017 names it, e.g. "C2614 有机化学原料制造" (shown on screen and in exports).</summary>
    public string? IndustryLabel => Core.Enterprises.IndustryCode.Label(IndustryCode);

    public static EnterpriseView Of(Enterprise e, EnterpriseYearFact? latest)
    {
        var industrial = e.IndustryCode is { } code && Core.Enterprises.IndustryCode.Check(code).IsIndustrial;
        return new(e.Id, e.Uscc, e.Name, e.JurisdictionId, e.JurisdictionPath, e.ParkId, e.Address, e.IndustryCode, e.Listing, e.CloudAdopted, e.Version,
            latest?.Year, latest?.Revenue,
            latest is null ? null : EnterpriseSize.Classify(latest.Employees, latest.Revenue),
            latest is not null && Core.Enterprises.AboveScale.Is(industrial, latest.Revenue));
    }
}

public sealed record EnterprisePage(IReadOnlyList<EnterpriseView> Items, int Total, int Page, int PageSize);

public sealed record FactView(Guid Id, int Year, decimal Revenue, decimal OutputValue, decimal ValueAdded, decimal Profit, decimal TaxPaid, int Employees,
    decimal RdSpend, int InventionPatents, decimal EnergyTce, decimal ElectricityKwh, decimal EmissionsTonnes, decimal LandMu, int Version,
    SizeClass Size, bool AboveScale);

public sealed record HonourView(Guid Id, HonourKind Kind, HonourLevel Level, int Year);

public sealed record EnterpriseLinkView(Guid Id, Guid ChainId, string ChainName, Guid NodeId, string NodeName, Chains.ChainRole Role, Chains.EvidenceStrength Evidence);

public sealed record EnterpriseDetail(EnterpriseView Enterprise, string? IndustrySection, IReadOnlyList<FactView> Facts, IReadOnlyList<HonourView> Honours,
    IReadOnlyList<EnterpriseLinkView> Links);
