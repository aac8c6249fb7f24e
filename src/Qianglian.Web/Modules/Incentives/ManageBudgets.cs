using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

public sealed record BudgetView(Guid Id, Guid JurisdictionId, string JurisdictionPath, int Year, string Fund, decimal Amount,
    decimal Committed, decimal Paid, string? Note, int Version)
{
    public decimal Available => Amount - Committed;
}

/// <summary>Yearly budgets per fund, with what approvals have committed and payments have drawn against each.</summary>
public sealed class ManageBudgets(AppDb dbs, CurrentUser user)
{
    public sealed record CreateRequest(Guid JurisdictionId, int Year, string Fund, decimal Amount, string? Note);
    public sealed record UpdateRequest(decimal Amount, string? Note, int Version);

    public async Task<IReadOnlyList<BudgetView>> List(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var rows = await db.Set<IncentiveBudget>().AsNoTracking().Where(b => year == null || b.Year == year)
            .OrderByDescending(b => b.Year).ThenBy(b => b.JurisdictionPath).ThenBy(b => b.Fund).ToListAsync(ct);
        var views = new List<BudgetView>();
        foreach (var b in rows) views.Add(await View(db, b, ct));
        return views;
    }

    public async Task<BudgetView> Create(CreateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageIncentives);
        var fund = Check(r.Year, r.Fund, r.Amount);
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == r.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        if (await db.Set<IncentiveBudget>().AnyAsync(b => b.JurisdictionId == r.JurisdictionId && b.Year == r.Year && b.Fund == fund, ct))
            throw new ValidationException("fund", $"{r.Year}年度“{fund}”已有预算，请修改原预算 (a budget exists)");
        var budget = new IncentiveBudget { JurisdictionId = r.JurisdictionId, Year = r.Year, Fund = fund, Amount = r.Amount, Note = r.Note?.Trim() };
        db.Add(budget);
        await db.SaveChangesAsync(ct);
        return await View(db, budget, ct);
    }

    public async Task<BudgetView> Update(Guid id, UpdateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageIncentives);
        await using var db = dbs.Open();
        var budget = await db.Set<IncentiveBudget>().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("budget", "预算不存在 (budget not found)");
        Check(budget.Year, budget.Fund, r.Amount);
        db.ExpectVersion(budget, r.Version);
        (budget.Amount, budget.Note) = (r.Amount, r.Note?.Trim());
        await db.SaveChangesAsync(ct);
        return await View(db, budget, ct);
    }

    private static string Check(int year, string? fund, decimal amount)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100) errors["year"] = ["年度无效 (year out of range)"];
        if (string.IsNullOrWhiteSpace(fund)) errors["fund"] = ["资金名称不能为空 (fund is required)"];
        if (amount < 0m) errors["amount"] = ["预算金额不能为负数 (must not be negative)"];
        if (errors.Count > 0) throw new ValidationException(errors);
        return fund!.Trim();
    }

    private static async Task<BudgetView> View(AppDbContext db, IncentiveBudget b, CancellationToken ct)
    {
        var totals = await db.FundTotalsAsync(b.JurisdictionId, b.JurisdictionPath, b.Fund, b.Year, ct);
        return new BudgetView(b.Id, b.JurisdictionId, b.JurisdictionPath, b.Year, b.Fund, b.Amount, totals.Committed, totals.Paid, b.Note, b.Version);
    }
}
