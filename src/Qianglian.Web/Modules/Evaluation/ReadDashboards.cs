using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Projects;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// The dashboards, one per role: the coordination office's (every chain in its jurisdiction: output trend, projects
/// by stage, investment completion, problem SLA, tiers, per-mu grades, supply-demand matching), a chain chief's (one chain) and a county's (its
/// projects and problems). Everything within the caller's scope; amounts of projects shared between localities at the
/// agreed shares, each enterprise counted once.
/// </summary>
public sealed class ReadDashboards(AppDb dbs, CurrentUser user, TimeProvider clock, ReadTargets targets, ReadSupplyDemand supplyDemand)
{
    private const decimal Yi = 100_000_000m;
    private static readonly ProjectStage[] Stages = [ProjectStage.Reserve, ProjectStage.Signed, ProjectStage.Started, ProjectStage.Completed, ProjectStage.AtCapacity];

    public async Task<Dashboard> Office(int year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var path = user.Scope.Path;
        var chains = await db.Chains.AsNoTracking().OrderBy(c => c.JurisdictionPath).ThenBy(c => c.Ordinal).ThenBy(c => c.Name).ToListAsync(ct);
        var members = await ChainMembers(db, chains, ct);
        var factsYear = await FactsYear(db, members.Select(m => m.EnterpriseId), year, ct);
        var outputs = await Outputs(db, members.Select(m => m.EnterpriseId), factsYear - 4, factsYear, ct);
        decimal Output(IEnumerable<Guid> firms, int y) => firms.Distinct().Sum(f => outputs.GetValueOrDefault((f, y)));
        var years = Enumerable.Range(factsYear - 4, 5).ToList();
        var top = chains.OrderByDescending(c => Output(members.Where(m => m.ChainId == c.Id).Select(m => m.EnterpriseId), factsYear)).Take(5).ToList();
        var trend = new ChartData("outputTrend", "产业链产值趋势", ChartKind.Line, "亿元", years.Select(y => y.ToString()).ToList(),
        [
            new("全部产业链", years.Select(y => (decimal?)Round(Output(members.Select(m => m.EnterpriseId), y) / Yi)).ToList()),
            .. top.Select(c => new ChartSeries(c.Name, years.Select(y => (decimal?)Round(Output(members.Where(m => m.ChainId == c.Id).Select(m => m.EnterpriseId), y) / Yi)).ToList())),
        ]);

        var projects = await db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated).ToListAsync(ct);
        var money = await Investment(db, projects, year, ct);
        var chainNames = chains.ToDictionary(c => c.Id, c => c.Name);
        var byChain = projects.GroupBy(p => p.ChainId is { } c && chainNames.ContainsKey(c) ? chainNames[c] : "未归链").OrderBy(g => g.Key == "未归链").ThenBy(g => g.Key).ToList();
        var investment = InvestmentChart(byChain.Select(g => (g.Key, Planned: g.Sum(p => money[p.Id].Planned), Done: g.Sum(p => money[p.Id].Completed))).ToList());

        var problems = await db.Problems.AsNoTracking().Select(p => new { p.ChainId, p.Status, p.ClosedOnTime, p.Escalated, p.Rating, p.DueAt, p.Level, p.Category }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var sla = ProblemChart("problemSla", "问题办理时限（按产业链）", problems.GroupBy(p => p.ChainId is { } c && chainNames.ContainsKey(c) ? chainNames[c] : "未归链")
            .OrderBy(g => g.Key == "未归链").ThenBy(g => g.Key)
            .Select(g => (g.Key, Figures: ProblemFigures.Of(g.Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating))),
                Overdue: g.Count(p => p.Status == ProblemStatus.Open && p.DueAt < now))).ToList());

        var tiers = await db.TierMemberships.AsNoTracking().Where(m => m.FromYear <= year && (m.ToYear == null || m.ToYear > year)).Select(m => new { m.ChainId, m.Tier }).ToListAsync(ct);
        var tierChains = chains.Where(c => tiers.Any(t => t.ChainId == c.Id)).ToList();
        var tierChart = new ChartData("tiers", "链主梯度培育（年末在库）", ChartKind.StackedBar, "家", tierChains.Select(c => c.Name).ToList(),
            new[] { (Tier.Demonstration, "示范库"), (Tier.Cultivation, "培育库"), (Tier.Candidate, "候选库") }
                .Select(t => new ChartSeries(t.Item2, tierChains.Select(c => (decimal?)tiers.Count(x => x.ChainId == c.Id && x.Tier == t.Item1)).ToList())).ToList());

        var grades = await Grades(db, year, ct);
        // 供需对接 counts per chain (issue: "counts per chain on the dashboard"), as the supply-demand page computes them.
        var matching = await supplyDemand.Figures(ct);
        var matchingChart = new ChartData("supplyDemand", "供需对接（按产业链）", ChartKind.Bar, "条", matching.Select(f => f.Chain).ToList(),
        [
            new("在供", matching.Select(f => (decimal?)f.OpenSupplies).ToList()),
            new("在需", matching.Select(f => (decimal?)f.OpenDemands).ToList()),
            new("撮合", matching.Select(f => (decimal?)f.Matches).ToList()),
            new("成交", matching.Select(f => (decimal?)f.Deals).ToList()),
        ]);
        var overall = ProblemFigures.Of(problems.Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating)));
        var (planned, done) = (money.Values.Sum(m => m.Planned), money.Values.Sum(m => m.Completed));
        // The leader reads this board too: how many of the packs' targets the year's data already meets, of those with data.
        var tracked = (await targets.Handle(year, ct)).Where(t => t.Met is not null).ToList();
        return new Dashboard("融圈强链办工作台", year, path,
        [
            new("chains", "产业链", chains.Count, "条"),
            new("enterprises", "链上企业", members.Select(m => m.EnterpriseId).Distinct().Count(), "家"),
            new("output", $"{factsYear}年产业链产值", Round(Output(members.Select(m => m.EnterpriseId), factsYear) / Yi), "亿元"),
            new("projects", "在库项目", projects.Count, "个"),
            new("investmentRate", $"{year}年投资完成率", planned > 0 ? Round(100m * done / planned) : null, "%"),
            new("onTimeRate", "问题按期办结率", overall.OnTimeRate is { } r ? Round(100m * r) : null, "%"),
            new("openProblems", "待办问题", problems.Count(p => p.Status != ProblemStatus.Closed), "个"),
            new("overdueProblems", "超期问题", problems.Count(p => p.Status == ProblemStatus.Open && p.DueAt < now), "个"),
            new("targetsMet", $"{year}年已达成目标", tracked.Count(t => t.Met == true), $"/ {tracked.Count} 项"),
        ],
        [trend, StageChart(projects), investment, sla, tierChart, grades, matchingChart], []);
    }

    public async Task<Dashboard> Chain(Guid chainId, int year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var members = await ChainMembers(db, [chain], ct);
        var firms = members.Select(m => m.EnterpriseId).Distinct().ToList();
        var factsYear = await FactsYear(db, firms, year, ct);
        var outputs = await Outputs(db, firms, factsYear - 4, factsYear, ct);
        var years = Enumerable.Range(factsYear - 4, 5).ToList();
        var trend = new ChartData("outputTrend", "产值趋势", ChartKind.Line, "亿元", years.Select(y => y.ToString()).ToList(),
            [new(chain.Name, years.Select(y => (decimal?)Round(firms.Sum(f => outputs.GetValueOrDefault((f, y))) / Yi)).ToList())]);

        var projects = await db.Projects.AsNoTracking().Where(p => p.ChainId == chainId && p.Stage != ProjectStage.Terminated).ToListAsync(ct);
        var months = await MonthChart(db, projects.Select(p => (p, 1m)).ToList(), year, ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.ChainId == chainId).Select(p => new { p.Status, p.ClosedOnTime, p.Escalated, p.Rating, p.DueAt, p.Level }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var levels = new[] { (EscalationLevel.Local, "县区/园区"), (EscalationLevel.LeadDepartment, "牵头部门"), (EscalationLevel.ChainChief, "链长"), (EscalationLevel.JointMeeting, "联席会议") };
        var problemChart = new ChartData("problemsByLevel", "问题所在层级", ChartKind.StackedBar, "个", levels.Select(l => l.Item2).ToList(),
        [
            new("办理中", levels.Select(l => (decimal?)problems.Count(p => p.Level == l.Item1 && p.Status == ProblemStatus.Open && p.DueAt >= now)).ToList()),
            new("已超期", levels.Select(l => (decimal?)problems.Count(p => p.Level == l.Item1 && p.Status == ProblemStatus.Open && p.DueAt < now)).ToList()),
            new("待确认", levels.Select(l => (decimal?)problems.Count(p => p.Level == l.Item1 && p.Status == ProblemStatus.Resolved)).ToList()),
            new("已办结", levels.Select(l => (decimal?)problems.Count(p => p.Level == l.Item1 && p.Status == ProblemStatus.Closed)).ToList()),
        ]);
        var tiers = await db.TierMemberships.AsNoTracking().Where(m => m.ChainId == chainId && m.FromYear <= year && (m.ToYear == null || m.ToYear > year)).Select(m => m.Tier).ToListAsync(ct);
        var tierChart = new ChartData("tiers", "链主梯度培育", ChartKind.Pie, "家", ["示范库", "培育库", "候选库"],
            [new("企业数", new[] { Tier.Demonstration, Tier.Cultivation, Tier.Candidate }.Select(t => (decimal?)tiers.Count(x => x == t)).ToList())]);
        var stuck = await Stuck(db, projects, ct);
        var index = await db.Set<IndexResult>().AsNoTracking().Where(r => r.SubjectId == chainId)
            .Join(db.Set<IndexRun>().Where(r => r.Year <= year), r => r.RunId, run => run.Id, (r, run) => new { r.Score, r.Rank, run.Year, run.SubjectCount, run.CreatedAt })
            .ToListAsync(ct);
        var latest = index.OrderByDescending(i => i.Year).ThenByDescending(i => i.CreatedAt).FirstOrDefault();
        var figures = ProblemFigures.Of(problems.Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating)));
        var facts = await db.EnterpriseFacts.AsNoTracking().Where(f => firms.Contains(f.EnterpriseId) && f.Year == factsYear).Select(f => new { f.EnterpriseId, f.Revenue }).ToListAsync(ct);
        var industrial = (await db.Enterprises.AsNoTracking().Where(e => firms.Contains(e.Id)).Select(e => new { e.Id, e.IndustryCode }).ToListAsync(ct))
            .Where(e => e.IndustryCode is { } c && Core.Enterprises.IndustryCode.Check(c).IsIndustrial).Select(e => e.Id).ToHashSet();
        var (planned, done) = (months.Planned, months.Done);
        return new Dashboard($"{chain.Name} 链长工作台", year, chain.JurisdictionPath,
        [
            new("enterprises", "本地企业", firms.Count, "家"),
            new("leaders", "链主企业", members.Where(m => m.Role == ChainRole.ChainLeader).Select(m => m.EnterpriseId).Distinct().Count(), "家"),
            new("aboveScale", "规上企业", facts.Count(f => Core.Enterprises.AboveScale.Is(industrial.Contains(f.EnterpriseId), f.Revenue)), "家"),
            new("output", $"{factsYear}年产值", Round(firms.Sum(f => outputs.GetValueOrDefault((f, factsYear))) / Yi), "亿元"),
            new("projects", "在库项目", projects.Count, "个"),
            new("investmentRate", $"{year}年投资完成率", planned > 0 ? Round(100m * done / planned) : null, "%"),
            new("openProblems", "待办问题", problems.Count(p => p.Status != ProblemStatus.Closed), "个"),
            new("onTimeRate", "问题按期办结率", figures.OnTimeRate is { } r ? Round(100m * r) : null, "%"),
            new("stuckProjects", "预警项目", stuck.Count, "个"),
            new("indexScore", latest is null ? "评价指数" : $"{latest.Year}年评价指数（第{latest.Rank}/{latest.SubjectCount}名）", latest?.Score, "分"),
        ],
        [trend, StageChart(projects), months.Chart, problemChart, tierChart], stuck);
    }

    public async Task<Dashboard> County(Guid? jurisdictionId, int year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var id = jurisdictionId ?? (await db.Users.IgnoreQueryFilters().Where(u => u.Id == user.Id).Select(u => (Guid?)u.JurisdictionId).FirstOrDefaultAsync(ct));
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var credited = await Credited(db, place.JurisdictionPath, ct);
        var projects = credited.Select(c => c.Project).ToList();
        var months = await MonthChart(db, credited, year, ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.JurisdictionPath.StartsWith(place.JurisdictionPath))
            .Select(p => new { p.Id, p.Title, p.Status, p.ClosedOnTime, p.Escalated, p.Rating, p.DueAt, p.Category }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var categories = Enum.GetValues<ProblemCategory>();
        var problemChart = new ChartData("problemsByCategory", "问题类别", ChartKind.StackedBar, "个", categories.Select(SupervisionLabels.Of).ToList(),
        [
            new("待办", categories.Select(c => (decimal?)problems.Count(p => p.Category == c && p.Status != ProblemStatus.Closed)).ToList()),
            new("已办结", categories.Select(c => (decimal?)problems.Count(p => p.Category == c && p.Status == ProblemStatus.Closed)).ToList()),
        ]);
        var stuck = await Stuck(db, projects, ct);
        var lights = new ChartData("projectLights", "项目预警", ChartKind.Pie, "个", ["绿灯", "黄灯", "红灯"],
        [
            new("项目数", [projects.Count - stuck.Count, stuck.Count(s => s.State == "黄灯"), stuck.Count(s => s.State == "红灯")]),
        ]);
        var overdue = problems.Where(p => p.Status == ProblemStatus.Open && p.DueAt < now).OrderBy(p => p.DueAt)
            .Select(p => new WatchItem(p.Id, "问题", p.Title, "已超期", $"应于{TimeDisplay.Format(p.DueAt)}前办结", $"/supervision/problems/{p.Id}"));
        var figures = ProblemFigures.Of(problems.Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating)));
        return new Dashboard($"{place.Name} 项目与问题", year, place.JurisdictionPath,
        [
            new("projects", "在库项目", projects.Count, "个"),
            new("planned", $"{year}年计划投资", Round(months.Planned / Yi), "亿元"),
            new("completed", $"{year}年完成投资", Round(months.Done / Yi), "亿元"),
            new("investmentRate", "投资完成率", months.Planned > 0 ? Round(100m * months.Done / months.Planned) : null, "%"),
            new("openProblems", "待办问题", problems.Count(p => p.Status != ProblemStatus.Closed), "个"),
            new("overdueProblems", "超期问题", problems.Count(p => p.Status == ProblemStatus.Open && p.DueAt < now), "个"),
            new("onTimeRate", "问题按期办结率", figures.OnTimeRate is { } r ? Round(100m * r) : null, "%"),
            new("redProjects", "红灯项目", stuck.Count(s => s.State == "红灯"), "个"),
        ],
        [StageChart(projects), months.Chart, problemChart, lights], [.. stuck, .. overdue]);
    }

    /// <summary>A dashboard's charts as a workbook: one sheet per chart (or the one asked for), categories down, series across.</summary>
    public static byte[] Workbook(Dashboard d, string? chart)
    {
        var charts = d.Charts.Where(c => chart is null || c.Key == chart).ToList();
        if (charts.Count == 0) throw new ValidationException("chart", $"没有名为“{chart}”的图表 (no such chart)");
        var sheets = new Dictionary<string, object>();
        foreach (var c in charts)
            sheets[c.Title.Length > 31 ? c.Title[..31] : c.Title] = c.Categories.Select((category, n) =>
            {
                var row = new Dictionary<string, object?> { ["项目"] = category };
                foreach (var s in c.Series) row[$"{s.Name}（{(s.OnRightAxis ? "%" : c.Unit)}）"] = s.Values[n];
                return row;
            }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    private sealed record Member(Guid ChainId, Guid EnterpriseId, ChainRole Role);

    private static async Task<List<Member>> ChainMembers(AppDbContext db, IReadOnlyList<Chain> chains, CancellationToken ct)
    {
        var ids = chains.Select(c => c.Id).ToList();
        var paths = chains.ToDictionary(c => c.Id, c => c.JurisdictionPath);
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises.AsNoTracking() on l.EnterpriseId equals e.Id
                           where ids.Contains(l.ChainId) && l.Evidence != EvidenceStrength.Rejected
                           select new { l.ChainId, l.EnterpriseId, l.Role, e.JurisdictionPath }).ToListAsync(ct);
        return links.Where(l => l.JurisdictionPath.StartsWith(paths[l.ChainId], StringComparison.Ordinal)).Select(l => new Member(l.ChainId, l.EnterpriseId, l.Role)).ToList();
    }

    /// <summary>
    /// The latest year up to <paramref name="year"/> with enterprise facts: facts are reported after a year ends, so the
    /// current year's board shows last year's output beside this year's projects and problems.
    /// </summary>
    private static async Task<int> FactsYear(AppDbContext db, IEnumerable<Guid> enterprises, int year, CancellationToken ct)
    {
        var ids = enterprises.Distinct().ToList();
        return await db.EnterpriseFacts.Where(f => ids.Contains(f.EnterpriseId) && f.Year <= year).MaxAsync(f => (int?)f.Year, ct) ?? year;
    }

    private static async Task<Dictionary<(Guid, int), decimal>> Outputs(AppDbContext db, IEnumerable<Guid> enterprises, int from, int to, CancellationToken ct)
    {
        var ids = enterprises.Distinct().ToList();
        return (await db.EnterpriseFacts.AsNoTracking().Where(f => ids.Contains(f.EnterpriseId) && f.Year >= from && f.Year <= to)
            .Select(f => new { f.EnterpriseId, f.Year, f.OutputValue }).ToListAsync(ct)).ToDictionary(f => (f.EnterpriseId, f.Year), f => f.OutputValue);
    }

    private static ChartData StageChart(IReadOnlyList<Project> projects) =>
        new("projectsByStage", "项目所处阶段", ChartKind.Bar, "个", Stages.Select(StageName).ToList(),
            [new("项目数", Stages.Select(s => (decimal?)projects.Count(p => p.Stage == s)).ToList())]);

    private static ChartData InvestmentChart(IReadOnlyList<(string Name, decimal Planned, decimal Done)> rows) =>
        new("investmentCompletion", "投资完成情况", ChartKind.Bar, "亿元", rows.Select(r => r.Name).ToList(),
        [
            new("计划投资", rows.Select(r => (decimal?)Round(r.Planned / Yi)).ToList()),
            new("完成投资", rows.Select(r => (decimal?)Round(r.Done / Yi)).ToList()),
            new("完成率", rows.Select(r => r.Planned > 0 ? Round(100m * r.Done / r.Planned) : (decimal?)null).ToList(), OnRightAxis: true),
        ]);

    private static ChartData ProblemChart(string key, string title, IReadOnlyList<(string Name, ProblemFigures Figures, int Overdue)> rows) =>
        new(key, title, ChartKind.Bar, "个", rows.Select(r => r.Name).ToList(),
        [
            new("问题数", rows.Select(r => (decimal?)r.Figures.Total).ToList()),
            new("按期办结", rows.Select(r => (decimal?)r.Figures.ClosedOnTime).ToList()),
            new("超期未办结", rows.Select(r => (decimal?)r.Overdue).ToList()),
            new("按期办结率", rows.Select(r => r.Figures.OnTimeRate is { } rate ? Round(100m * rate) : (decimal?)null).ToList(), OnRightAxis: true),
        ]);

    private sealed record YearMoney(IReadOnlyList<(Guid ProjectId, decimal Planned)> Plans, IReadOnlyList<(Guid ProjectId, int Month, decimal Invested)> Reports);

    /// <summary>The year's planned investment and monthly reported investment of the projects (summed in memory: SQLite cannot sum decimals).</summary>
    private static async Task<YearMoney> Money(AppDbContext db, IEnumerable<Guid> projectIds, int year, CancellationToken ct)
    {
        var ids = projectIds.ToList();
        var plans = await db.Set<ProjectAnnualPlan>().AsNoTracking().Where(a => ids.Contains(a.ProjectId) && a.Year == year).Select(a => new { a.ProjectId, a.PlannedInvestment }).ToListAsync(ct);
        var reports = await db.Set<MonthlyReport>().AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.Year == year).Select(r => new { r.ProjectId, r.Month, r.MonthInvestment }).ToListAsync(ct);
        return new(plans.Select(p => (p.ProjectId, p.PlannedInvestment)).ToList(), reports.Select(r => (r.ProjectId, r.Month, r.MonthInvestment)).ToList());
    }

    /// <summary>Each project's plan and completed investment of the year.</summary>
    private static async Task<Dictionary<Guid, (decimal Planned, decimal Completed)>> Investment(AppDbContext db, IReadOnlyList<Project> projects, int year, CancellationToken ct)
    {
        var money = await Money(db, projects.Select(p => p.Id), year, ct);
        return projects.ToDictionary(p => p.Id, p => (money.Plans.Where(x => x.ProjectId == p.Id).Sum(x => x.Planned), money.Reports.Where(x => x.ProjectId == p.Id).Sum(x => x.Invested)));
    }

    /// <summary>The year's investment by month, cumulative, against the year's plan (at the credited fractions).</summary>
    private static async Task<(ChartData Chart, decimal Planned, decimal Done)> MonthChart(AppDbContext db, IReadOnlyList<(Project Project, decimal Fraction)> projects, int year, CancellationToken ct)
    {
        var fraction = projects.ToDictionary(p => p.Project.Id, p => p.Fraction);
        var money = await Money(db, fraction.Keys, year, ct);
        var planned = money.Plans.Sum(p => p.Planned * fraction[p.ProjectId]);
        var byMonth = Enumerable.Range(1, 12).Select(m => money.Reports.Where(r => r.Month <= m).Sum(r => r.Invested * fraction[r.ProjectId])).ToList();
        var chart = new ChartData("investmentByMonth", $"{year}年投资完成进度（累计）", ChartKind.Line, "亿元", Enumerable.Range(1, 12).Select(m => $"{m}月").ToList(),
        [
            new("累计完成投资", byMonth.Select(v => (decimal?)Round(v / Yi)).ToList()),
            new("年度计划投资", Enumerable.Repeat((decimal?)Round(planned / Yi), 12).ToList()),
        ]);
        return (chart, planned, byMonth[^1]);
    }

    /// <summary>Projects credited to a jurisdiction: its own and its neighbours' shared with it, at the agreed investment share (分投资).</summary>
    private static async Task<List<(Project Project, decimal Fraction)>> Credited(AppDbContext db, string path, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var shares = (await db.Set<ProjectShare>().AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToListAsync(ct)).ToLookup(s => s.ProjectId);
        var localityIds = shares.SelectMany(g => g.Select(s => s.LocalityId)).Concat(projects.Select(p => p.JurisdictionId)).Distinct().ToList();
        var paths = await db.Jurisdictions.IgnoreQueryFilters().AsNoTracking().Where(j => localityIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.JurisdictionPath, ct);
        return projects.Select(p => (p, Shares.InvestmentSplit(p.JurisdictionId, shares[p.Id].Select(s => new LocalityShare(s.LocalityId, s.InvestmentPercent, s.OutputPercent)).ToList())
                .Where(s => paths.GetValueOrDefault(s.Locality, "").StartsWith(path, StringComparison.Ordinal)).Sum(s => s.Fraction)))
            .Where(x => x.Item2 > 0).ToList();
    }

    /// <summary>Projects on a yellow or red light (stage stalls, overdue commitments, late milestones or reports), worst first.</summary>
    private async Task<List<WatchItem>> Stuck(AppDbContext db, IReadOnlyList<Project> projects, CancellationToken ct) =>
        (await StuckProjects.OfAsync(db, projects, TimeDisplay.Today(clock), ct))
            .Select(p => new WatchItem(p.Id, "项目", p.Name, p.Light == Light.Red ? "红灯" : "黄灯", $"{StageName(p.Stage)}：{string.Join("；", p.Reasons)}", $"/projects/{p.Id}")).ToList();

    /// <summary>The per-mu grades (亩均) of the latest published or locked grading of the year or before.</summary>
    private static async Task<ChartData> Grades(AppDbContext db, int year, CancellationToken ct)
    {
        var run = (await db.EvaluationRuns.AsNoTracking().Where(r => r.Kind == RunKind.Grading && r.Year <= year && (r.Status == RunStatus.Published || r.Status == RunStatus.Locked))
            .ToListAsync(ct)).OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        var classes = run is null ? [] : (await db.EvaluationResults.AsNoTracking().Where(r => r.RunId == run.Id).Select(r => r.FinalClass.Length > 0 ? r.FinalClass : r.Class).ToListAsync(ct))
            .CountBy(c => c).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        return new("perMuGrades", run is null ? "亩均评价等次（尚无已公示的评价）" : $"{run.Year}年亩均评价等次", ChartKind.Pie, "家", classes.Select(c => c.Key).ToList(),
            [new("企业数", classes.Select(c => (decimal?)c.Value).ToList())]);
    }

    private static string StageName(ProjectStage s) => s switch
    {
        ProjectStage.Reserve => "谋划储备", ProjectStage.Signed => "签约落地", ProjectStage.Started => "开工建设", ProjectStage.Completed => "竣工投产",
        ProjectStage.AtCapacity => "达产增效", _ => "终止/退出",
    };

    private static decimal Round(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
