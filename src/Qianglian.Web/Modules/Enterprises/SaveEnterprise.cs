using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>Registers an enterprise and edits its registry fields.</summary>
public sealed class SaveEnterprise(AppDb dbs, CurrentUser user)
{
    public sealed record CreateRequest(Guid JurisdictionId, string Uscc, string Name, Guid? ParkId = null, string? Address = null,
        string? IndustryCode = null, ListingStatus Listing = ListingStatus.None, bool CloudAdopted = false);

    public sealed record UpdateRequest(string Name, int Version, Guid? ParkId = null, string? Address = null, string? IndustryCode = null,
        ListingStatus Listing = ListingStatus.None, bool CloudAdopted = false);

    public async Task<EnterpriseView> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.RegisterEnterprises);
        var uscc = EnterpriseRules.NormaliseUscc(request.Uscc);
        Validate(("uscc", EnterpriseRules.Uscc(uscc)), ("name", EnterpriseRules.Name(request.Name)), ("industryCode", EnterpriseRules.Industry(request.IndustryCode)));
        await using var db = dbs.Open();
        var jurisdiction = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Id == request.JurisdictionId, ct)
                           ?? throw new NotFoundException("jurisdictionId", "所属辖区不存在或不在本账号管辖范围内 (jurisdictionId: jurisdiction not found)");
        await CheckPark(db, request.ParkId, jurisdiction, ct);
        // A credit code is registered once in the whole country, wherever the caller works.
        if (await db.IsTakenAsync<Enterprise>(e => e.Uscc == uscc, ct))
            throw new ValidationException("uscc", $"统一社会信用代码“{uscc}”已登记 (already registered)");
        var enterprise = new Enterprise { JurisdictionId = jurisdiction.Id, Uscc = uscc };
        Apply(enterprise, request.Name, request.ParkId, request.Address, request.IndustryCode, request.Listing, request.CloudAdopted);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(ct);
        return EnterpriseView.Of(enterprise, null);
    }

    public async Task Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        Validate(("name", EnterpriseRules.Name(request.Name)), ("industryCode", EnterpriseRules.Industry(request.IndustryCode)));
        await using var db = dbs.Open();
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("enterprise", "企业不存在 (enterprise not found)");
        // The enterprise is in the caller's scope, so is its jurisdiction.
        var jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Id == enterprise.JurisdictionId, ct);
        await CheckPark(db, request.ParkId, jurisdiction, ct);
        db.ExpectVersion(enterprise, request.Version);
        Apply(enterprise, request.Name, request.ParkId, request.Address, request.IndustryCode, request.Listing, request.CloudAdopted);
        await db.SaveChangesAsync(ct);
    }

    internal static void Apply(Enterprise e, string name, Guid? parkId, string? address, string? industry, ListingStatus listing, bool cloud)
    {
        e.Name = name.Trim();
        e.ParkId = parkId;
        e.Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        e.IndustryCode = EnterpriseRules.NormaliseIndustry(industry);
        e.Listing = listing;
        e.CloudAdopted = cloud;
    }

    /// <summary>A park must be a park-level jurisdiction inside the enterprise's own jurisdiction.</summary>
    internal static async Task CheckPark(AppDbContext db, Guid? parkId, Jurisdiction jurisdiction, CancellationToken ct)
    {
        if (parkId is not { } id) return;
        var park = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (park is null || park.Level != JurisdictionLevel.Park || !park.JurisdictionPath.StartsWith(jurisdiction.JurisdictionPath, StringComparison.Ordinal))
            throw new ValidationException("parkId", $"园区须为“{jurisdiction.Name}”辖内的园区 (the park must lie within the enterprise's jurisdiction)");
    }

    internal static void Validate(params (string Field, string? Error)[] checks)
    {
        var errors = checks.Where(c => c.Error is not null).ToDictionary(c => c.Field, c => new[] { c.Error! });
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
