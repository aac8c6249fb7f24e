using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>A jurisdiction's gap thresholds, and supply links between registered enterprises.</summary>
public sealed class SaveChainData(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record GapSettingsRequest(Guid JurisdictionId, decimal ShortShare);
    public sealed record SupplyRequest(Guid SupplierId, Guid CustomerId, Guid? NodeId, string Product, int Year, decimal Amount);

    public async Task SetGapSettings(GapSettingsRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        if (request.ShortShare is <= 0 or > 1)
            throw new ValidationException("shortShare", $"短链比例应在0到1之间（如0.5），实为{request.ShortShare} (a share between 0 and 1)");
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == request.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        var settings = await db.GapSettings.FirstOrDefaultAsync(g => g.JurisdictionId == request.JurisdictionId, ct);
        if (settings is null) db.GapSettings.Add(settings = new GapSettings { JurisdictionId = request.JurisdictionId });
        settings.ShortShare = request.ShortShare;
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AddSupply(SupplyRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var errors = new Dictionary<string, string[]>();
        if (r.Amount < 0) errors["amount"] = [$"金额不能为负数：{r.Amount} (amount must not be negative)"];
        if (Enterprises.EnterpriseRules.Year(r.Year, clock.GetUtcNow().Year) is { } yearError) errors["year"] = [yearError];
        if (string.IsNullOrWhiteSpace(r.Product)) errors["product"] = ["产品不能为空 (product is required)"];
        if (r.SupplierId == r.CustomerId) errors["supplierId"] = ["供应商与客户不能是同一企业 (supplier and customer are the same)"];
        if (errors.Count > 0) throw new ValidationException(errors);
        await using var db = dbs.Open();
        var customer = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == r.CustomerId, ct)
                       ?? throw new NotFoundException("customerId", "客户企业不存在或不在本辖区 (customer not found)");
        // The supplier may be anywhere, but must be in the registry.
        if (!await db.Enterprises.IgnoreQueryFilters().AnyAsync(e => e.Id == r.SupplierId, ct))
            throw new ValidationException("supplierId", "供应商不在企业名录中，请先登记 (the supplier is not in the registry)");
        if (r.NodeId is { } node && !await db.ChainNodes.IgnoreQueryFilters().AnyAsync(n => n.Id == node, ct))
            throw new ValidationException("nodeId", "环节不存在 (node not found)");
        var link = new SupplyLink
        {
            JurisdictionId = customer.JurisdictionId, SupplierId = r.SupplierId, CustomerId = r.CustomerId, NodeId = r.NodeId,
            Product = r.Product.Trim(), Year = r.Year, Amount = r.Amount,
        };
        db.SupplyLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return link.Id;
    }

    public async Task RemoveSupply(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var link = await db.SupplyLinks.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("supplyLink", "供应关系不存在 (not found)");
        db.SupplyLinks.Remove(link);
        await db.SaveChangesAsync(ct);
    }
}
