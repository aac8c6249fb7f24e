using Qianglian.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Demo data of 政策兑现 in 西区: the demo chain's chief, a yearly budget of the district fund, and projects that show
/// each rule — one qualifying for 六 and 七 (取高不重复 pays 七), a strategic-resource project (八), a late one (六
/// refused). Demo data only (see <see cref="DemoData"/>); idempotent by the projects' names.
/// </summary>
public sealed class DemoIncentives(AppDb dbs, TimeProvider clock)
{
    public const string SmartRenovation = "演示·钛白粉生产线智改数转项目";
    public const string StrategicResource = "演示·钒钛资源精深加工产业化项目";
    public const string LateProject = "演示·硫酸法钛白粉扩能项目";
    public const string Fund = "区级工业发展专项资金";
    private const decimal Wan = 10_000m;

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403", ct);
        var chain = await db.Chains.SingleAsync(c => c.JurisdictionId == xiqu.Id && c.Name == DemoChain.Name, ct);
        if (chain.ChiefUserId is null)
            chain.ChiefUserId = await db.Users.Where(u => u.UserName == "xiqu.chief").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);

        var year = BusinessDate.Of(clock.GetUtcNow()).Year;
        if (!await db.Set<IncentiveBudget>().AnyAsync(b => b.JurisdictionId == xiqu.Id && b.Year == year && b.Fund == Fund, ct))
            db.Add(new IncentiveBudget { JurisdictionId = xiqu.Id, Year = year, Fund = Fund, Amount = 3000 * Wan, Note = "演示：区级财政年度预算" });

        // Demo projects stored before they carried a listing date showed 入库日期 0001-01-01: give them the date their
        // construction started from (two years back, as new ones are listed).
        foreach (var unlisted in await db.Projects.Where(p => p.JurisdictionId == xiqu.Id && p.ListedOn == default(DateOnly)).ToListAsync(ct))
            unlisted.ListedOn = (unlisted.ActualStart ?? BusinessDate.Of(clock.GetUtcNow()).AddMonths(-20)).AddMonths(-4);

        if (!await db.Projects.AnyAsync(p => p.JurisdictionId == xiqu.Id && p.Name == SmartRenovation, ct))
        {
            var firms = await db.Enterprises.Where(e => e.JurisdictionId == xiqu.Id).ToDictionaryAsync(e => e.Name, e => e.Id, ct);
            var today = BusinessDate.Of(clock.GetUtcNow());
            Project Add(string name, string enterprise, ProjectFlags flags, decimal totalWan, decimal equipmentWan, decimal outputWan, int lateDays, ProjectKind kind) =>
                db.Projects.Add(new Project
                {
                    JurisdictionId = xiqu.Id, Name = name, EnterpriseId = firms[enterprise], ChainId = chain.Id, Kind = kind, Flags = flags,
                    Stage = ProjectStage.Completed, TotalInvestment = totalWan * Wan, EquipmentInvestment = equipmentWan * Wan, NewOutputValue = outputWan * Wan,
                    ListedOn = today.AddMonths(-24), PlannedStart = today.AddMonths(-20), PlannedCompletion = today.AddMonths(-2), ActualStart = today.AddMonths(-20),
                    ActualCompletion = today.AddMonths(-2).AddDays(lateDays - 10),
                }).Entity;
            Add(SmartRenovation, "演示·西区绿色化工有限公司", ProjectFlags.ChainLeader, 15000, 8000, 3000, 0, ProjectKind.IntelligentDigital);
            Add(StrategicResource, "演示·西区钒钛新材料有限公司", ProjectFlags.StrategicResource | ProjectFlags.MajorLeading, 20000, 6000, 5000, 0, ProjectKind.New);
            Add(LateProject, "演示·西区绿色化工有限公司", ProjectFlags.MajorLeading, 12000, 9000, 4000, 40, ProjectKind.Expansion);
        }
        await db.SaveChangesAsync(ct);
    }
}
