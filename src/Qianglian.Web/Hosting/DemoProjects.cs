using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Core.Supervision;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Demo projects of 西区 on the demo chain, dated relative to today so the board, the dispatch and the bulletin
/// always have something to show: one in reserve, one signed with its land and permit (ready to start), one under
/// construction reporting every month (with a problem), one whose report is overdue, one completed; and the 2025
/// official holidays at the national root. Demo data only; idempotent by the projects' names.
/// </summary>
public sealed class DemoProjects(AppDb dbs, TimeProvider clock)
{
    public const string ReadyToStart = "演示·钒钛新材料深加工项目";
    public const string UnderConstruction = "演示·年产3万吨钛白粉扩能项目";

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403", ct);
        if (await db.Projects.AnyAsync(p => p.JurisdictionId == xiqu.Id && p.Name == UnderConstruction, ct)) return;
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.JurisdictionId == xiqu.Id && c.Name == DemoChain.Name, ct);
        var nodes = chain is null ? [] : await db.ChainNodes.Where(n => n.ChainId == chain.Id).ToDictionaryAsync(n => n.Name, n => n.Id, ct);
        var firms = await db.Enterprises.Where(e => e.JurisdictionId == xiqu.Id).ToDictionaryAsync(e => e.Name, e => e.Id, ct);
        var today = BusinessDate.Today(clock);
        var now = clock.GetUtcNow();

        Project Add(string name, string firm, string? node, ProjectKind kind, ProjectFlags flags, decimal totalYi, decimal planYi, int listedDaysAgo, ProjectPurpose purpose)
        {
            var p = new Project
            {
                JurisdictionId = xiqu.Id, Name = name, EnterpriseId = firms.GetValueOrDefault(firm), ChainId = chain?.Id,
                NodeId = node is not null && nodes.TryGetValue(node, out var n) ? n : null, Purpose = purpose, Kind = kind, Flags = flags,
                TotalInvestment = totalYi * 100_000_000m, EquipmentInvestment = totalYi * 40_000_000m, NewOutputValue = totalYi * 120_000_000m,
                ListedOn = today.AddDays(-listedDaysAgo), PlannedStart = today.AddDays(-listedDaysAgo + 60), PlannedCompletion = today.AddDays(-listedDaysAgo + 600),
                TaskForce = "西区重点项目工作专班", ResponsibleLeader = "区政府分管副区长", IndustryCode = "2619",
            };
            db.Projects.Add(p);
            if (planYi > 0) db.Add(new ProjectAnnualPlan { Year = today.Year, PlannedInvestment = planYi * 100_000_000m }.For<ProjectAnnualPlan>(p));
            return p;
        }
        void Move(Project p, ProjectStage to, DateOnly on)
        {
            db.Add(new ProjectStageChange { From = p.Stage, To = to, On = on, ChangedBy = "demo", ChangedAt = now }.For<ProjectStageChange>(p));
            p.Stage = to;
            switch (to)
            {
                case ProjectStage.Signed: p.SignedOn = on; break;
                case ProjectStage.Started: p.ActualStart = on; break;
                case ProjectStage.Completed: p.ActualCompletion = on; break;
            }
        }
        void Approve(Project p, ApprovalKind kind, DateOnly submitted, DateOnly approved) =>
            db.Add(new ProjectApproval { Kind = kind, Status = ApprovalStatus.Approved, SubmittedOn = submitted, ApprovedOn = approved }.For<ProjectApproval>(p));
        void Milestone(Project p, MilestoneKind kind, DateOnly planned, DateOnly? actual) =>
            db.Add(new ProjectMilestone { Kind = kind, PlannedOn = planned, ActualOn = actual }.For<ProjectMilestone>(p));
        var raised = new List<(Project Project, MonthlyReport Report)>();
        void Reports(Project p, DateOnly from, decimal wanPerMonth, bool lastMonthToo)
        {
            var last = new DateOnly(today.Year, today.Month, 1).AddMonths(lastMonthToo ? -1 : -2);
            for (var m = new DateOnly(from.Year, from.Month, 1); m <= last; m = m.AddMonths(1))
            {
                var report = new MonthlyReport
                {
                    Year = m.Year, Month = m.Month, MonthInvestment = wanPerMonth * 10_000m, ProgressPercent = 40, Progress = "主体结构施工，设备采购招标中",
                    FiledOn = Dispatch.DueDate(m.Year, m.Month, DispatchRules.Default), FiledAt = now, FiledBy = "xiqu.enterprise",
                }.For<MonthlyReport>(p);
                db.Add(report);
                if (m == last) raised.Add((p, report));
            }
        }

        Add("演示·钒渣提钒综合利用项目", "演示·西区钒钛新材料有限公司", "钒渣", ProjectKind.New, ProjectFlags.None, 3, 0, 30, ProjectPurpose.Fill);

        var ready = Add(ReadyToStart, "演示·西区钒钛新材料有限公司", "钛合金材料", ProjectKind.New, ProjectFlags.CityKey | ProjectFlags.StandardLand, 5, 1.5m, 120, ProjectPurpose.Extend);
        (ready.LandMu, ready.CommittedInvestmentPerMu, ready.CommittedOutputPerMu, ready.CommittedTaxPerMu, ready.CommittedPlotRatio) = (120, 4_000_000m, 5_000_000m, 250_000m, 1.2m);
        Move(ready, ProjectStage.Signed, today.AddDays(-60));
        Approve(ready, ApprovalKind.Planning, today.AddDays(-58), today.AddDays(-40));
        Approve(ready, ApprovalKind.Land, today.AddDays(-58), today.AddDays(-30));
        Approve(ready, ApprovalKind.Environment, today.AddDays(-55), today.AddDays(-25));
        Approve(ready, ApprovalKind.ConstructionPermit, today.AddDays(-28), today.AddDays(-10));
        Milestone(ready, MilestoneKind.LandAcquired, today.AddDays(-30), today.AddDays(-30));
        Milestone(ready, MilestoneKind.Started, today.AddDays(7), null);
        Milestone(ready, MilestoneKind.Production, today.AddDays(400), null);

        var building = Add(UnderConstruction, "演示·西区绿色化工有限公司", "钛白粉", ProjectKind.Expansion, ProjectFlags.ChainLeader | ProjectFlags.CityKey, 12, 4, 400, ProjectPurpose.Strengthen);
        Move(building, ProjectStage.Signed, today.AddDays(-360));
        foreach (var kind in Enum.GetValues<ApprovalKind>()) Approve(building, kind, today.AddDays(-350), today.AddDays(-300 + (int)kind * 5));
        Move(building, ProjectStage.Started, today.AddDays(-260));
        Milestone(building, MilestoneKind.LandAcquired, today.AddDays(-330), today.AddDays(-320));
        Milestone(building, MilestoneKind.Started, today.AddDays(-270), today.AddDays(-260));
        Milestone(building, MilestoneKind.StructureDone, today.AddDays(-60), null);
        Milestone(building, MilestoneKind.EquipmentInstalled, today.AddDays(60), null);
        Milestone(building, MilestoneKind.Production, today.AddDays(180), null);
        Reports(building, new DateOnly(today.Year, 1, 1) > today.AddDays(-260) ? new DateOnly(today.Year, 1, 1) : today.AddDays(-260), 2500, lastMonthToo: true);

        var late = Add("演示·钛精矿选矿技改项目", "演示·西区钛精矿选矿有限公司", "钛精矿", ProjectKind.TechRenovation, ProjectFlags.None, 0.8m, 0.5m, 200, ProjectPurpose.Strengthen);
        Move(late, ProjectStage.Signed, today.AddDays(-190));
        Approve(late, ApprovalKind.Land, today.AddDays(-185), today.AddDays(-180));
        Approve(late, ApprovalKind.ConstructionPermit, today.AddDays(-185), today.AddDays(-170));
        Move(late, ProjectStage.Started, today.AddDays(-150));
        Milestone(late, MilestoneKind.EquipmentInstalled, today.AddDays(-20), null);
        Reports(late, new DateOnly(today.Year, 1, 1) > today.AddDays(-150) ? new DateOnly(today.Year, 1, 1) : today.AddDays(-150), 300, lastMonthToo: false);

        var done = Add("演示·检验检测中心建设项目", "演示·西区检验检测服务有限公司", "检验检测", ProjectKind.New, ProjectFlags.None, 0.6m, 0, 700, ProjectPurpose.Fill);
        Move(done, ProjectStage.Signed, today.AddDays(-650));
        Move(done, ProjectStage.Started, today.AddDays(-600));
        Move(done, ProjectStage.Completed, today.AddDays(-200));
        Milestone(done, MilestoneKind.Production, today.AddDays(-190), today.AddDays(-185));

        foreach (var (project, report) in raised)
            await ReportProblems.File(db, project, report, ProblemCategory.Power, "施工临时用电容量不足，需协调供电公司增容", "xiqu.enterprise", now, ct);
        await db.SaveChangesAsync(ct);
    }
}
