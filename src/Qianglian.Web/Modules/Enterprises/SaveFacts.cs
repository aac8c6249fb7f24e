using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>Records an enterprise's facts for one year (create or replace), and its honours.</summary>
public sealed class SaveFacts(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="Version">The version last seen when replacing an existing year; ignored for a new year.</param>
    public sealed record FactsRequest(decimal Revenue, decimal OutputValue, decimal ValueAdded, decimal Profit, decimal TaxPaid, int Employees,
        decimal RdSpend, int InventionPatents, decimal EnergyTce, decimal ElectricityKwh, decimal EmissionsTonnes, decimal LandMu, int Version = 0);

    /// <param name="DocumentNumber">The granting document's number (文号), when known.</param>
    public sealed record HonourRequest(HonourKind Kind, HonourLevel Level, int Year, string? DocumentNumber = null);

    public async Task Upsert(Guid enterpriseId, int year, FactsRequest r, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        SaveEnterprise.Validate([.. Check(year, r, clock.GetUtcNow().Year)]);
        await using var db = dbs.Open();
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == enterpriseId, ct) ?? throw new NotFoundException("enterprise", "企业不存在 (enterprise not found)");
        var fact = await db.EnterpriseFacts.FirstOrDefaultAsync(f => f.EnterpriseId == enterpriseId && f.Year == year, ct);
        if (fact is null)
            db.EnterpriseFacts.Add(fact = new EnterpriseYearFact { EnterpriseId = enterpriseId, JurisdictionId = enterprise.JurisdictionId, Year = year });
        else
            db.ExpectVersion(fact, r.Version);
        Apply(fact, r);
        await db.SaveChangesAsync(ct);
    }

    internal static void Apply(EnterpriseYearFact f, FactsRequest r)
    {
        (f.Revenue, f.OutputValue, f.ValueAdded, f.Profit, f.TaxPaid, f.Employees) = (r.Revenue, r.OutputValue, r.ValueAdded, r.Profit, r.TaxPaid, r.Employees);
        (f.RdSpend, f.InventionPatents, f.EnergyTce, f.ElectricityKwh, f.EmissionsTonnes, f.LandMu) = (r.RdSpend, r.InventionPatents, r.EnergyTce, r.ElectricityKwh, r.EmissionsTonnes, r.LandMu);
    }

    /// <summary>Every field error of one year's facts (profit may be negative: a loss).</summary>
    internal static IEnumerable<(string Field, string? Error)> Check(int year, FactsRequest r, int currentYear) =>
    [
        ("year", EnterpriseRules.Year(year, currentYear)),
        ("revenue", EnterpriseRules.NotNegative(r.Revenue, "营业收入")),
        ("outputValue", EnterpriseRules.NotNegative(r.OutputValue, "工业总产值")),
        ("valueAdded", EnterpriseRules.NotNegative(r.ValueAdded, "工业增加值")),
        ("taxPaid", EnterpriseRules.NotNegative(r.TaxPaid, "实缴税金")),
        ("employees", EnterpriseRules.NotNegative(r.Employees, "从业人员")),
        ("rdSpend", EnterpriseRules.NotNegative(r.RdSpend, "研发经费")),
        ("inventionPatents", EnterpriseRules.NotNegative(r.InventionPatents, "有效发明专利")),
        ("energyTce", EnterpriseRules.NotNegative(r.EnergyTce, "综合能耗")),
        ("electricityKwh", EnterpriseRules.NotNegative(r.ElectricityKwh, "用电量")),
        ("emissionsTonnes", EnterpriseRules.NotNegative(r.EmissionsTonnes, "主要污染物排放")),
        ("landMu", EnterpriseRules.NotNegative(r.LandMu, "用地面积")),
    ];

    public async Task<Guid> AddHonour(Guid enterpriseId, HonourRequest r, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        SaveEnterprise.Validate(("year", EnterpriseRules.Year(r.Year, clock.GetUtcNow().Year)),
            ("kind", Enum.IsDefined(r.Kind) ? HonourNames.Collective(r.Kind) ? $"{HonourNames.Of(r.Kind)}由园区或集群获评，请在荣誉名录中登记 (held by a park or cluster, not an enterprise)" : null : "未知的荣誉类别 (unknown kind)"),
            ("level", Enum.IsDefined(r.Level) ? null : "未知的级别 (unknown level)"));
        var documentNumber = Supervision.Text.Optional(r.DocumentNumber, "documentNumber", 100);
        await using var db = dbs.Open();
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == enterpriseId, ct) ?? throw new NotFoundException("enterprise", "企业不存在 (enterprise not found)");
        if (await db.EnterpriseHonours.AnyAsync(h => h.EnterpriseId == enterpriseId && h.Kind == r.Kind && h.Level == r.Level && h.Year == r.Year, ct))
            throw new ValidationException("kind", "该荣誉已登记 (this honour is already recorded)");
        var honour = new EnterpriseHonour { EnterpriseId = enterpriseId, JurisdictionId = enterprise.JurisdictionId, Kind = r.Kind, Level = r.Level, Year = r.Year, DocumentNumber = documentNumber };
        db.EnterpriseHonours.Add(honour);
        await db.SaveChangesAsync(ct);
        return honour.Id;
    }

    public async Task RemoveHonour(Guid honourId, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        await using var db = dbs.Open();
        var honour = await db.EnterpriseHonours.FirstOrDefaultAsync(h => h.Id == honourId, ct) ?? throw new NotFoundException("honour", "荣誉记录不存在 (honour not found)");
        db.EnterpriseHonours.Remove(honour);
        await db.SaveChangesAsync(ct);
    }
}
