using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>到位资金: the funds that arrived for a project in a month, recorded (and corrected) by the attraction team.</summary>
public sealed class RecordFunds(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="Version">The stored month's version when correcting it; omitted for a new month.</param>
    public sealed record Request(Guid ProjectId, int Year, int Month, decimal Amount, string? Note = null, int? Version = null);

    public async Task<IReadOnlyList<FundsView>> List(int? year, Guid? projectId, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var rows = db.Set<FundsInPlace>().AsNoTracking();
        if (year is { } y) rows = rows.Where(f => f.Year == y);
        if (projectId is { } p) rows = rows.Where(f => f.ProjectId == p);
        var funds = await rows.OrderBy(f => f.Year).ThenBy(f => f.Month).ToListAsync(ct);
        var ids = funds.Select(f => f.ProjectId).Distinct().ToList();
        var names = await db.Projects.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return funds.Select(f => new FundsView(f.Id, f.ProjectId, names.GetValueOrDefault(f.ProjectId, ""), f.JurisdictionId, f.JurisdictionPath, f.Year, f.Month,
            f.Amount, f.Note, f.Version)).OrderBy(f => f.ProjectName, StringComparer.Ordinal).ThenBy(f => f.Year).ThenBy(f => f.Month).ToList();
    }

    public async Task<Guid> Record(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        await using var db = dbs.Open();
        var row = await Apply(db, r, BusinessDate.Today(clock), ct);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <summary>Checks one month's figure and adds or updates its row (not saved: the import saves a whole file at once).</summary>
    internal static async Task<FundsInPlace> Apply(AppDbContext db, Request r, DateOnly today, CancellationToken ct, IReadOnlyList<FundsInPlace>? pending = null)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.ProjectId, ct) ?? throw ReadProjects.NotFound();
        if (r.Month is < 1 or > 12 || r.Year < 2000) throw new ValidationException("month", $"年月无效：{r.Year}-{r.Month} (invalid month)");
        if (r.Year * 12 + r.Month > today.Year * 12 + today.Month)
            throw new ValidationException("month", $"{r.Year}年{r.Month}月尚未到来，不能登记到位资金 (a future month)");
        if (r.Amount < 0) throw new ValidationException("amount", "到位资金不能为负数 (must not be negative)");
        if (project.Stage is ProjectStage.Reserve)
            throw new ValidationException("projectId", $"“{project.Name}”尚未签约，不能登记到位资金 (the project is not signed yet)");
        var stored = await db.Set<FundsInPlace>().Where(f => f.ProjectId == r.ProjectId).ToListAsync(ct);
        var all = stored.Concat(pending?.Where(p => p.ProjectId == r.ProjectId && !stored.Contains(p)) ?? []).ToList();
        var row = all.FirstOrDefault(f => f.Year == r.Year && f.Month == r.Month);
        var others = all.Where(f => f != row).Sum(f => f.Amount);
        if (project.TotalInvestment > 0 && others + r.Amount > project.TotalInvestment)
            throw new ValidationException("amount", $"累计到位资金{Dispatch.Wan(others + r.Amount)}万元超过项目总投资{Dispatch.Wan(project.TotalInvestment)}万元 (funds in place exceed the total investment)");
        if (row is null)
            db.Add(row = new FundsInPlace { ProjectId = project.Id, JurisdictionId = project.JurisdictionId, Year = r.Year, Month = r.Month });
        else if (db.Entry(row).State != EntityState.Added)
        {
            if (r.Version is not { } version)
                throw new ConflictException($"“{project.Name}”{r.Year}年{r.Month}月已登记到位资金，请刷新后修改 (this month is recorded already)");
            db.ExpectVersion(row, version);
        }
        (row.Amount, row.Note) = (r.Amount, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim());
        return row;
    }
}
