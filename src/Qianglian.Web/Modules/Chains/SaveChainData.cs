using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// A jurisdiction's gap thresholds, and supply links between registered enterprises. The customer is an enterprise the
/// caller sees; the supplier may be registered anywhere (a 链主's outside suppliers are what investment attraction works
/// from), so it is named either by an id the caller sees, or — wherever it is registered — by its public 统一社会信用代码.
/// An id the caller cannot see is refused as not found: ids are never a way to reach past the caller's scope.
/// </summary>
public sealed class SaveChainData(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record GapSettingsRequest(Guid JurisdictionId, decimal ShortShare);
    /// <param name="SupplierId">A supplier the caller sees; or else <paramref name="SupplierUscc"/>.</param>
    /// <param name="SupplierUscc">The supplier's credit code, for a supplier registered anywhere (outside the caller's scope too).</param>
    public sealed record SupplyRequest(Guid? SupplierId, Guid CustomerId, Guid? NodeId, string Product, int Year, decimal Amount, string? SupplierUscc = null);

    public async Task SetGapSettings(GapSettingsRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        if (request.ShortShare is <= 0 or > 1)
            throw new ValidationException("shortShare", $"短链比例应在0到1之间（如0.5），实为{request.ShortShare} (a share between 0 and 1)");
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == request.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在或不在本账号管辖范围内 (jurisdictionId: jurisdiction not found)");
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
        var uscc = string.IsNullOrWhiteSpace(r.SupplierUscc) ? null : Enterprises.EnterpriseRules.NormaliseUscc(r.SupplierUscc);
        if (r.SupplierId is null == uscc is null)
            errors["supplierId"] = ["供应商须以编号或统一社会信用代码二者之一指明 (name the supplier by supplierId or by supplierUscc, one of them)"];
        else if (uscc is not null && Enterprises.EnterpriseRules.Uscc(uscc) is { } usccError) errors["supplierUscc"] = [usccError];
        if (errors.Count > 0) throw new ValidationException(errors);
        await using var db = dbs.Open();
        var customer = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == r.CustomerId, ct)
                       ?? throw new NotFoundException("customerId", "客户企业不存在或不在本账号管辖范围内 (customerId: customer not found)");
        var supplierId = await Supplier(db, r.SupplierId, uscc, ct);
        if (supplierId == customer.Id)
            throw new ValidationException(r.SupplierId is null ? "supplierUscc" : "supplierId", "供应商与客户不能是同一企业 (supplier and customer are the same)");
        await db.RequireVisibleAsync<ChainNode>(r.NodeId, "nodeId", "环节不存在或不在本账号管辖范围内 (nodeId: node not found)", ct);
        var link = new SupplyLink
        {
            JurisdictionId = customer.JurisdictionId, SupplierId = supplierId, CustomerId = r.CustomerId, NodeId = r.NodeId,
            Product = r.Product.Trim(), Year = r.Year, Amount = r.Amount,
        };
        db.SupplyLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return link.Id;
    }

    /// <summary>
    /// The supplier's id: an id must name an enterprise the caller sees; a credit code may name one registered anywhere,
    /// and its id is only stored, never returned.
    /// </summary>
    private static async Task<Guid> Supplier(AppDbContext db, Guid? id, string? uscc, CancellationToken ct)
    {
        if (id is { } supplier)
        {
            await db.RequireVisibleAsync<Enterprises.Enterprise>(supplier, "supplierId",
                "供应商不存在或不在本账号管辖范围内；外地供应商请以统一社会信用代码指明 (supplierId not found: name a supplier outside your scope by its supplierUscc)", ct);
            return supplier;
        }
        return (await db.SupplierIdsByCodeAsync([uscc!], ct)).TryGetValue(uscc!, out var registered)
            ? registered
            : throw new ValidationException("supplierUscc", $"统一社会信用代码“{uscc}”不在企业名录中，请先登记 (supplierUscc: not in the registry)");
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
