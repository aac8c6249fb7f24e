using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// The dashboards, one per role: the coordination office's (every chain in its jurisdiction: output trend, projects
/// by stage, investment completion, problem SLA, tiers, per-mu grades, supply-demand matching), a chain chief's (one chain) and a county's (its
/// projects and problems). Everything within the caller's scope; amounts of projects shared between localities at the
/// agreed shares, each enterprise counted once. Every title, series, unit and label is in the request's UI language
/// (the resources, as the pages'); names from the data (chains, enterprises, grade classes) stay as stored.
/// </summary>
public sealed class ReadDashboards(AppDb dbs, CurrentUser user, TimeProvider clock, ReadTargets targets, ReadSupplyDemand supplyDemand, IStringLocalizer<Strings> strings)
{
    private const decimal Yi = 100_000_000m;
    private static readonly ProjectStage[] Stages = [ProjectStage.Reserve, ProjectStage.Signed, ProjectStage.Started, ProjectStage.Completed, ProjectStage.AtCapacity];
    private static readonly Tier[] Tiers = [Tier.Demonstration, Tier.Cultivation, Tier.Candidate];

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
        var trend = new ChartData("outputTrend", L("DashOutputTrend"), ChartKind.Line, L("DashUnitYi"), years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
        [
            new(L("DashAllChains"), years.Select(y => (decimal?)Round(Output(members.Select(m => m.EnterpriseId), y) / Yi)).ToList()),
            .. top.Select(c => new ChartSeries(c.Name, years.Select(y => (decimal?)Round(Output(members.Where(m => m.ChainId == c.Id).Select(m => m.EnterpriseId), y) / Yi)).ToList())),
        ]);

        var projects = await db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated).ToListAsync(ct);
        var money = await Investment(db, projects, year, ct);
        var chainNames = chains.ToDictionary(c => c.Id, c => c.Name);
        var noChain = L("DashNoChain");
        string ChainOf(Guid? id) => id is { } c && chainNames.TryGetValue(c, out var name) ? name : noChain;
        var byChain = projects.GroupBy(p => ChainOf(p.ChainId)).OrderBy(g => g.Key == noChain).ThenBy(g => g.Key).ToList();
        var investment = InvestmentChart(byChain.Select(g => (g.Key, Planned: g.Sum(p => money[p.Id].Planned), Done: g.Sum(p => money[p.Id].Completed))).ToList());

        var problems = await db.Problems.AsNoTracking().Select(p => new { p.ChainId, p.Status, p.ClosedOnTime, p.Escalated, p.Rating, p.DueAt, p.Level, p.Category }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var sla = ProblemChart("problemSla", L("DashProblemSla"), problems.GroupBy(p => ChainOf(p.ChainId))
            .OrderBy(g => g.Key == noChain).ThenBy(g => g.Key)
            .Select(g => (g.Key, Figures: ProblemFigures.Of(g.Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating))),
                Overdue: g.Count(p => p.Status == ProblemStatus.Open && p.DueAt < now))).ToList());

        var tiers = await db.TierMemberships.AsNoTracking().Where(m => m.FromYear <= year && (m.ToYear == null || m.ToYear > year)).Select(m => new { m.ChainId, m.Tier }).ToListAsync(ct);
        var tierChains = chains.Where(c => tiers.Any(t => t.ChainId == c.Id)).ToList();
        var tierChart = new ChartData("tiers", L("DashTiers"), ChartKind.StackedBar, L("DashUnitEnterprises"), tierChains.Select(c => c.Name).ToList(),
            Tiers.Select(t => new ChartSeries(TierName(t), tierChains.Select(c => (decimal?)tiers.Count(x => x.ChainId == c.Id && x.Tier == t)).ToList())).ToList());

        var grades = await Grades(db, year, ct);
        // 供需对接 counts per chain (issue: "counts per chain on the dashboard"), as the supply-demand page computes them.
        var matching = await supplyDemand.Figures(ct);
        var matchingChart = new ChartData("supplyDemand", L("DashSupplyDemand"), ChartKind.Bar, L("DashUnitPosts"), matching.Select(f => f.Chain).ToList(),
        [
            new(L("OpenSupplies"), matching.Select(f => (decimal?)f.OpenSupplies).ToList()),
            new(L("OpenDemands"), matching.Select(f => (decimal?)f.OpenDemands).ToList()),
            new(L("Matches"), matching.Select(f => (decimal?)f.Matches).ToList()),
            new(L("Deals"), matching.Select(f => (decimal?)f.Deals).ToList()),
        ]);
        var overall = ProblemFigures.Of(problems.Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating)));
        var (planned, done) = (money.Values.Sum(m => m.Planned), money.Values.Sum(m => m.Completed));
        // The leader reads this board too: how many of the packs' targets the year's data already meets, of those with data.
        var tracked = (await targets.Handle(year, ct)).Where(t => t.Met is not null).ToList();
        return new Dashboard(L("NavOfficeDashboard"), year, path,
        [
            new("chains", L("DashChains"), chains.Count, L("DashUnitChains")),
            new("enterprises", L("EnterpriseCount"), members.Select(m => m.EnterpriseId).Distinct().Count(), L("DashUnitEnterprises")),
            new("output", L("DashChainOutput", factsYear), Round(Output(members.Select(m => m.EnterpriseId), factsYear) / Yi), L("DashUnitYi")),
            new("projects", L("DashProjects"), projects.Count, L("DashUnitProjects")),
            new("investmentRate", L("DashInvestmentRateOf", year), planned > 0 ? Round(100m * done / planned) : null, "%"),
            new("onTimeRate", L("DashOnTimeRate"), overall.OnTimeRate is { } r ? Round(100m * r) : null, "%"),
            new("openProblems", L("DashOpenProblems"), problems.Count(p => p.Status != ProblemStatus.Closed), L("DashUnitProblems")),
            new("overdueProblems", L("DashOverdueProblems"), problems.Count(p => p.Status == ProblemStatus.Open && p.DueAt < now), L("DashUnitProblems")),
            new("targetsMet", L("DashTargetsMet", year), tracked.Count(t => t.Met == true), L("DashTargetsOf", tracked.Count)),
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
        var trend = new ChartData("outputTrend", L("DashChainOutputTrend"), ChartKind.Line, L("DashUnitYi"), years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
            [new(chain.Name, years.Select(y => (decimal?)Round(firms.Sum(f => outputs.GetValueOrDefault((f, y))) / Yi)).ToList())]);

        var projects = await db.Projects.AsNoTracking().Where(p => p.ChainId == chainId && p.Stage != ProjectStage.Terminated).ToListAsync(ct);
        var months = await MonthChart(db, projects.Select(p => (p, 1m)).ToList(), year, ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.ChainId == chainId).Select(p => new { p.Status, p.ClosedOnTime, p.Escalated, p.Rating, p.DueAt, p.Level }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var levels = new[] { EscalationLevel.Local, EscalationLevel.LeadDepartment, EscalationLevel.ChainChief, EscalationLevel.JointMeeting };
        var problemChart = new ChartData("problemsByLevel", L("DashProblemsByLevel"), ChartKind.StackedBar, L("DashUnitProblems"), levels.Select(l => L($"Lvl_{l}")).ToList(),
        [
            new(L("PStatus_Open"), levels.Select(l => (decimal?)problems.Count(p => p.Level == l && p.Status == ProblemStatus.Open && p.DueAt >= now)).ToList()),
            new(L("DashOverdue"), levels.Select(l => (decimal?)problems.Count(p => p.Level == l && p.Status == ProblemStatus.Open && p.DueAt < now)).ToList()),
            new(L("DashAwaitingConfirmation"), levels.Select(l => (decimal?)problems.Count(p => p.Level == l && p.Status == ProblemStatus.Resolved)).ToList()),
            new(L("PStatus_Closed"), levels.Select(l => (decimal?)problems.Count(p => p.Level == l && p.Status == ProblemStatus.Closed)).ToList()),
        ]);
        var tiers = await db.TierMemberships.AsNoTracking().Where(m => m.ChainId == chainId && m.FromYear <= year && (m.ToYear == null || m.ToYear > year)).Select(m => m.Tier).ToListAsync(ct);
        var tierChart = new ChartData("tiers", L("DashChainTiers"), ChartKind.Pie, L("DashUnitEnterprises"), Tiers.Select(TierName).ToList(),
            [new(L("DashEnterpriseCount"), Tiers.Select(t => (decimal?)tiers.Count(x => x == t)).ToList())]);
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
        return new Dashboard(L("DashChainTitle", chain.Name), year, chain.JurisdictionPath,
        [
            new("enterprises", L("DashLocalEnterprises"), firms.Count, L("DashUnitEnterprises")),
            new("leaders", L("ChainLeaders"), (await ChainLeaderRoster.OfChainAsync(db, chain, year, ct)).Count, L("DashUnitEnterprises")),
            new("aboveScale", L("DashAboveScale"), facts.Count(f => Core.Enterprises.AboveScale.Is(industrial.Contains(f.EnterpriseId), f.Revenue)), L("DashUnitEnterprises")),
            new("output", L("DashOutput", factsYear), Round(firms.Sum(f => outputs.GetValueOrDefault((f, factsYear))) / Yi), L("DashUnitYi")),
            new("projects", L("DashProjects"), projects.Count, L("DashUnitProjects")),
            new("investmentRate", L("DashInvestmentRateOf", year), planned > 0 ? Round(100m * done / planned) : null, "%"),
            new("openProblems", L("DashOpenProblems"), problems.Count(p => p.Status != ProblemStatus.Closed), L("DashUnitProblems")),
            new("onTimeRate", L("DashOnTimeRate"), figures.OnTimeRate is { } r ? Round(100m * r) : null, "%"),
            new("stuckProjects", L("DashStuckProjects"), stuck.Count, L("DashUnitProjects")),
            new("indexScore", latest is null ? L("NavIndex") : L("DashIndexOf", latest.Year, (object?)latest.Rank ?? "—", latest.SubjectCount), latest?.Score, L("DashUnitPoints")),
        ],
        [trend, StageChart(projects), months.Chart, problemChart, tierChart], stuck);
    }

    public async Task<Dashboard> County(Guid? jurisdictionId, int year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        // The caller's own jurisdiction by default (the ActingCaller door) — or, when it narrowed its view below its
        // home, the place it narrowed to; an asked jurisdiction must be one the caller sees.
        var id = jurisdictionId ?? (await db.ActingCallerAsync(user.Name, ct)).JurisdictionId;
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct)
                    ?? (jurisdictionId is null ? await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.JurisdictionPath == db.Scope.Path, ct) : null)
                    ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var credited = await Credited(db, place.JurisdictionPath, ct);
        var projects = credited.Select(c => c.Project).ToList();
        var months = await MonthChart(db, credited, year, ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.JurisdictionPath.StartsWith(place.JurisdictionPath))
            .Select(p => new { p.Id, p.Title, p.Status, p.ClosedOnTime, p.Escalated, p.Rating, p.DueAt, p.Category }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var categories = Enum.GetValues<ProblemCategory>();
        var problemChart = new ChartData("problemsByCategory", L("ProblemCategory"), ChartKind.StackedBar, L("DashUnitProblems"), categories.Select(c => L($"Cat_{c}")).ToList(),
        [
            new(L("DashPending"), categories.Select(c => (decimal?)problems.Count(p => p.Category == c && p.Status != ProblemStatus.Closed)).ToList()),
            new(L("PStatus_Closed"), categories.Select(c => (decimal?)problems.Count(p => p.Category == c && p.Status == ProblemStatus.Closed)).ToList()),
        ]);
        var stuck = await Stuck(db, projects, ct);
        var lights = new ChartData("projectLights", L("DashProjectLights"), ChartKind.Pie, L("DashUnitProjects"), new[] { Light.Green, Light.Yellow, Light.Red }.Select(LightName).ToList(),
        [
            new(L("DashProjectCount"), [projects.Count - stuck.Count, stuck.Count(s => s.Light == Light.Yellow), stuck.Count(s => s.Light == Light.Red)]),
        ]);
        var overdue = problems.Where(p => p.Status == ProblemStatus.Open && p.DueAt < now).OrderBy(p => p.DueAt)
            .Select(p => new WatchItem(p.Id, L("DashWatchProblem"), p.Title, L("DashOverdue"), L("DashDueBy", TimeDisplay.Format(p.DueAt)), $"/supervision/problems/{p.Id}", Light.Red));
        var figures = ProblemFigures.Of(problems.Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating)));
        return new Dashboard(L("DashCountyTitle", place.Name), year, place.JurisdictionPath,
        [
            new("projects", L("DashProjects"), projects.Count, L("DashUnitProjects")),
            new("planned", L("DashPlannedOf", year), Round(months.Planned / Yi), L("DashUnitYi")),
            new("completed", L("DashCompletedOf", year), Round(months.Done / Yi), L("DashUnitYi")),
            new("investmentRate", L("DashInvestmentRate"), months.Planned > 0 ? Round(100m * months.Done / months.Planned) : null, "%"),
            new("openProblems", L("DashOpenProblems"), problems.Count(p => p.Status != ProblemStatus.Closed), L("DashUnitProblems")),
            new("overdueProblems", L("DashOverdueProblems"), problems.Count(p => p.Status == ProblemStatus.Open && p.DueAt < now), L("DashUnitProblems")),
            new("onTimeRate", L("DashOnTimeRate"), figures.OnTimeRate is { } r ? Round(100m * r) : null, "%"),
            new("redProjects", L("DashRedProjects"), stuck.Count(s => s.Light == Light.Red), L("DashUnitProjects")),
        ],
        [StageChart(projects), months.Chart, problemChart, lights], [.. stuck, .. overdue]);
    }

    /// <summary>A dashboard's charts as a workbook: one sheet per chart (or the one asked for), categories down, series across, headed in the request's language.</summary>
    public (byte[] Content, string FileName) Workbook(Dashboard d, string? chart)
    {
        var charts = d.Charts.Where(c => chart is null || c.Key == chart).ToList();
        if (charts.Count == 0) throw new ValidationException("chart", $"没有名为“{chart}”的图表 (no such chart)");
        var sheets = new Dictionary<string, object>();
        foreach (var c in charts)
            sheets[SheetName(c.Title)] = c.Categories.Select((category, n) =>
            {
                var row = new Dictionary<string, object?> { [L("DashSheetCategory")] = category };
                foreach (var s in c.Series) row[L("DashSheetSeries", s.Name, s.OnRightAxis ? "%" : c.Unit)] = s.Values[n];
                return row;
            }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return (stream.ToArray(), $"{L("DashFileName", d.Title, d.Year)}{(chart is null ? "" : "-" + chart)}.xlsx");
    }

    /// <summary>Excel's limits on a sheet's name: 31 characters, none of : \ / ? * [ ] (an English title may have a colon).</summary>
    private static string SheetName(string title)
    {
        var name = string.Concat(title.Select(ch => ":\\/?*[]".Contains(ch) ? ' ' : ch)).Trim();
        return name.Length > 31 ? name[..31] : name;
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

    private ChartData StageChart(IReadOnlyList<Project> projects) =>
        new("projectsByStage", L("DashProjectsByStage"), ChartKind.Bar, L("DashUnitProjects"), Stages.Select(StageName).ToList(),
            [new(L("DashProjectCount"), Stages.Select(s => (decimal?)projects.Count(p => p.Stage == s)).ToList())]);

    private ChartData InvestmentChart(IReadOnlyList<(string Name, decimal Planned, decimal Done)> rows) =>
        new("investmentCompletion", L("DashInvestmentCompletion"), ChartKind.Bar, L("DashUnitYi"), rows.Select(r => r.Name).ToList(),
        [
            new(L("DashPlanned"), rows.Select(r => (decimal?)Round(r.Planned / Yi)).ToList()),
            new(L("DashCompleted"), rows.Select(r => (decimal?)Round(r.Done / Yi)).ToList()),
            new(L("DashCompletionRate"), rows.Select(r => r.Planned > 0 ? Round(100m * r.Done / r.Planned) : (decimal?)null).ToList(), OnRightAxis: true),
        ]);

    private ChartData ProblemChart(string key, string title, IReadOnlyList<(string Name, ProblemFigures Figures, int Overdue)> rows) =>
        new(key, title, ChartKind.Bar, L("DashUnitProblems"), rows.Select(r => r.Name).ToList(),
        [
            new(L("ProblemsCount"), rows.Select(r => (decimal?)r.Figures.Total).ToList()),
            new(L("ClosedOnTime"), rows.Select(r => (decimal?)r.Figures.ClosedOnTime).ToList()),
            new(L("DashOverdueOpen"), rows.Select(r => (decimal?)r.Overdue).ToList()),
            new(L("OnTimeRate"), rows.Select(r => r.Figures.OnTimeRate is { } rate ? Round(100m * rate) : (decimal?)null).ToList(), OnRightAxis: true),
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
    private async Task<(ChartData Chart, decimal Planned, decimal Done)> MonthChart(AppDbContext db, IReadOnlyList<(Project Project, decimal Fraction)> projects, int year, CancellationToken ct)
    {
        var fraction = projects.ToDictionary(p => p.Project.Id, p => p.Fraction);
        var money = await Money(db, fraction.Keys, year, ct);
        var planned = money.Plans.Sum(p => p.Planned * fraction[p.ProjectId]);
        var byMonth = Enumerable.Range(1, 12).Select(m => money.Reports.Where(r => r.Month <= m).Sum(r => r.Invested * fraction[r.ProjectId])).ToList();
        var months = CultureInfo.CurrentUICulture.DateTimeFormat;
        var chart = new ChartData("investmentByMonth", L("DashInvestmentByMonth", year), ChartKind.Line, L("DashUnitYi"), Enumerable.Range(1, 12).Select(months.GetAbbreviatedMonthName).ToList(),
        [
            new(L("DashCumulativeDone"), byMonth.Select(v => (decimal?)Round(v / Yi)).ToList()),
            new(L("DashYearPlan"), Enumerable.Repeat((decimal?)Round(planned / Yi), 12).ToList()),
        ]);
        return (chart, planned, byMonth[^1]);
    }

    /// <summary>Projects credited to a jurisdiction: its own and its neighbours' shared with it, at the agreed investment share (分投资).</summary>
    private static async Task<List<(Project Project, decimal Fraction)>> Credited(AppDbContext db, string path, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var shares = (await db.Set<ProjectShare>().AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToListAsync(ct)).ToLookup(s => s.ProjectId);
        // Each locality's path is on the rows themselves: a share carries its locality's (SharedWithPath), a project its own.
        var paths = shares.SelectMany(g => g.Select(s => (s.LocalityId, s.SharedWithPath))).Concat(projects.Select(p => (LocalityId: p.JurisdictionId, SharedWithPath: p.JurisdictionPath)))
            .DistinctBy(x => x.LocalityId).ToDictionary(x => x.LocalityId, x => x.SharedWithPath);
        return projects.Select(p => (p, Shares.InvestmentSplit(p.JurisdictionId, shares[p.Id].Select(s => new LocalityShare(s.LocalityId, s.InvestmentPercent, s.OutputPercent)).ToList())
                .Where(s => paths.GetValueOrDefault(s.Locality, "").StartsWith(path, StringComparison.Ordinal)).Sum(s => s.Fraction)))
            .Where(x => x.Item2 > 0).ToList();
    }

    /// <summary>Projects on a yellow or red light (stage stalls, overdue commitments, late milestones or reports), worst first.</summary>
    private async Task<List<WatchItem>> Stuck(AppDbContext db, IReadOnlyList<Project> projects, CancellationToken ct) =>
        (await StuckProjects.OfAsync(db, projects, BusinessDate.Today(clock), ct))
            .Select(p => new WatchItem(p.Id, L("DashWatchProject"), p.Name, LightName(p.Light), L("DashStuckReason", StageName(p.Stage), string.Join("；", p.Reasons)), $"/projects/{p.Id}", p.Light))
            .ToList();

    /// <summary>The per-mu grades (亩均) of the latest published or locked grading of the year or before.</summary>
    private async Task<ChartData> Grades(AppDbContext db, int year, CancellationToken ct)
    {
        var run = (await db.EvaluationRuns.AsNoTracking().Where(r => r.Kind == RunKind.Grading && r.Year <= year && (r.Status == RunStatus.Published || r.Status == RunStatus.Locked))
            .ToListAsync(ct)).OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        var classes = run is null ? [] : (await db.EvaluationResults.AsNoTracking().Where(r => r.RunId == run.Id).Select(r => r.FinalClass.Length > 0 ? r.FinalClass : r.Class).ToListAsync(ct))
            .CountBy(c => c).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        return new("perMuGrades", run is null ? L("DashNoGrades") : L("DashGrades", run.Year), ChartKind.Pie, L("DashUnitEnterprises"), classes.Select(c => c.Key).ToList(),
            [new(L("DashEnterpriseCount"), classes.Select(c => (decimal?)c.Value).ToList())]);
    }

    /// <summary>A UI string in the request's language (the resources' key; arguments as in string.Format).</summary>
    private string L(string key, params object[] arguments) => arguments.Length == 0 ? strings[key] : strings[key, arguments];

    // The names the pages use for stages, tiers and lights (tools/strings: projects, cultivation, core).
    private string StageName(ProjectStage s) => L($"PStage_{s}");

    private string TierName(Tier t) => L($"Tier_{t}");

    private string LightName(Light l) => L($"Light_{l}");

    private static decimal Round(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
