using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

public sealed record ShareView(Guid LocalityId, string LocalityName, decimal InvestmentPercent, decimal OutputPercent);

public sealed record PlanView(int Year, decimal PlannedInvestment);

public sealed record ProjectView(
    Guid Id, string Name, Guid JurisdictionId, string JurisdictionPath, Guid? EnterpriseId, Guid? ChainId, Guid? NodeId,
    ProjectPurpose? Purpose, ProjectKind Kind, ProjectStage Stage, ProjectFlags Flags, decimal TotalInvestment,
    decimal EquipmentInvestment, decimal NewOutputValue, DateOnly? PlannedStart, DateOnly? PlannedCompletion,
    DateOnly? ActualStart, DateOnly? ActualCompletion, string? Description, int Version)
{
    public string? IndustryCode { get; init; }

    /// <summary>The industry as GB/T 4754-2017 names it, e.g. "C2614 有机化学原料制造" (shown on screen and in exports).</summary>
    public string? IndustryLabel => Core.Enterprises.IndustryCode.Label(IndustryCode);

    public DateOnly ListedOn { get; init; }
    public DateOnly? SignedOn { get; init; }
    public DateOnly? AtCapacityOn { get; init; }
    public DateOnly? TerminatedOn { get; init; }
    public string? TerminationReason { get; init; }
    public string? TaskForce { get; init; }
    public string? ResponsibleLeader { get; init; }
    public Guid? ResponsibleUnitId { get; init; }
    public decimal? LandMu { get; init; }
    public decimal? CommittedInvestmentPerMu { get; init; }
    public decimal? CommittedOutputPerMu { get; init; }
    public decimal? CommittedTaxPerMu { get; init; }
    public decimal? CommittedPlotRatio { get; init; }
    public Light Light { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public string? EnterpriseName { get; init; }
    public string? ChainName { get; init; }
    public string? NodeName { get; init; }
    public string? JurisdictionName { get; init; }
    public IReadOnlyList<ShareView> Shares { get; init; } = [];
    public IReadOnlyList<PlanView> Plans { get; init; } = [];

    public static ProjectView Of(Project p) => new(p.Id, p.Name, p.JurisdictionId, p.JurisdictionPath, p.EnterpriseId, p.ChainId,
        p.NodeId, p.Purpose, p.Kind, p.Stage, p.Flags, p.TotalInvestment, p.EquipmentInvestment, p.NewOutputValue, p.PlannedStart,
        p.PlannedCompletion, p.ActualStart, p.ActualCompletion, p.Description, p.Version)
    {
        IndustryCode = p.IndustryCode, ListedOn = p.ListedOn, SignedOn = p.SignedOn, AtCapacityOn = p.AtCapacityOn, TerminatedOn = p.TerminatedOn,
        TerminationReason = p.TerminationReason, TaskForce = p.TaskForce, ResponsibleLeader = p.ResponsibleLeader, ResponsibleUnitId = p.ResponsibleUnitId,
        LandMu = p.LandMu, CommittedInvestmentPerMu = p.CommittedInvestmentPerMu, CommittedOutputPerMu = p.CommittedOutputPerMu,
        CommittedTaxPerMu = p.CommittedTaxPerMu, CommittedPlotRatio = p.CommittedPlotRatio,
    };
}

public sealed record ProjectPage(IReadOnlyList<ProjectView> Items, int Total);

/// <summary>The projects the caller can see (an enterprise user: its own enterprise's), with their lights.</summary>
public sealed class ReadProjects(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public enum Sort { Name, Investment, Stage, Listed }

    public sealed record Query(ProjectStage? Stage = null, Guid? ChainId = null, string? Search = null, ProjectKind? Kind = null,
        Guid? JurisdictionId = null, Light? Light = null, bool IncludeTerminated = true, Sort SortBy = Sort.Name, bool Descending = false,
        int Page = 1, int PageSize = 50);

    public async Task<ProjectPage> List(Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var filtered = Filter(db.Set<Project>().AsNoTracking(), query);
        var rows = (query.SortBy, query.Descending) switch
        {
            (Sort.Investment, false) => filtered.OrderBy(p => p.TotalInvestment), (Sort.Investment, true) => filtered.OrderByDescending(p => p.TotalInvestment),
            (Sort.Stage, false) => filtered.OrderBy(p => p.Stage), (Sort.Stage, true) => filtered.OrderByDescending(p => p.Stage),
            (Sort.Listed, false) => filtered.OrderBy(p => p.ListedOn), (Sort.Listed, true) => filtered.OrderByDescending(p => p.ListedOn),
            (_, true) => filtered.OrderByDescending(p => p.Name),
            _ => filtered.OrderBy(p => p.Name),
        };
        var size = Math.Clamp(query.PageSize, 1, 500);
        var today = BusinessDate.Today(clock);
        if (query.Light is { } light)
        {
            // The light is computed, not stored: filter after computing it for the whole (filtered) set.
            var all = await rows.ThenBy(p => p.Id).ToListAsync(ct);
            var signals = await ProjectSignals.ForAsync(db, all, today, ct);
            var lit = all.Where(p => signals[p.Id].Light == light).ToList();
            var page = lit.Skip((Math.Max(query.Page, 1) - 1) * size).Take(size).ToList();
            return new ProjectPage(await Views(db, page, signals, ct), lit.Count);
        }
        var total = await rows.CountAsync(ct);
        var items = await rows.ThenBy(p => p.Id).Skip((Math.Max(query.Page, 1) - 1) * size).Take(size).ToListAsync(ct);
        return new ProjectPage(await Views(db, items, await ProjectSignals.ForAsync(db, items, today, ct), ct), total);
    }

    public async Task<ProjectView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        var signals = await ProjectSignals.ForAsync(db, [project], BusinessDate.Today(clock), ct);
        var view = (await Views(db, [project], signals, ct))[0];
        var shares = await db.Set<ProjectShare>().AsNoTracking().Where(s => s.ProjectId == id).ToListAsync(ct);
        var names = await JurisdictionNames(db, shares.Select(s => s.LocalityId), ct);
        var plans = await db.Set<ProjectAnnualPlan>().AsNoTracking().Where(s => s.ProjectId == id).OrderBy(s => s.Year).ToListAsync(ct);
        return view with
        {
            Shares = shares.Select(s => new ShareView(s.LocalityId, names.GetValueOrDefault(s.LocalityId, ""), s.InvestmentPercent, s.OutputPercent)).ToList(),
            Plans = plans.Select(p => new PlanView(p.Year, p.PlannedInvestment)).ToList(),
        };
    }

    internal static IQueryable<Project> Filter(IQueryable<Project> rows, Query query)
    {
        if (query.Stage is { } stage) rows = rows.Where(p => p.Stage == stage);
        if (!query.IncludeTerminated) rows = rows.Where(p => p.Stage != ProjectStage.Terminated);
        if (query.ChainId is { } chain) rows = rows.Where(p => p.ChainId == chain);
        if (query.Kind is { } kind) rows = rows.Where(p => p.Kind == kind);
        if (query.JurisdictionId is { } j) rows = rows.Where(p => p.JurisdictionId == j);
        if (!string.IsNullOrWhiteSpace(query.Search)) rows = rows.Where(p => p.Name.Contains(query.Search.Trim()));
        return rows;
    }

    /// <summary>
    /// Views with the names of enterprise, chain, node and jurisdiction. The project is visible; what it refers to may
    /// be kept above the caller (a county's project converted from a lead on its city's chain), so the names come
    /// through the <see cref="ReferenceNames"/> door.
    /// </summary>
    internal static async Task<IReadOnlyList<ProjectView>> Views(AppDbContext db, IReadOnlyList<Project> projects, IReadOnlyDictionary<Guid, Signal> signals, CancellationToken ct)
    {
        var enterprises = await db.EnterpriseNamesAsync(projects.Select(p => p.EnterpriseId).OfType<Guid>(), ct);
        var chains = await db.ChainNamesAsync(projects.Select(p => p.ChainId).OfType<Guid>(), ct);
        var nodes = await db.NodeNamesAsync(projects.Select(p => p.NodeId).OfType<Guid>(), ct);
        var places = await JurisdictionNames(db, projects.Select(p => p.JurisdictionId), ct);
        return projects.Select(p =>
        {
            var signal = signals.GetValueOrDefault(p.Id) ?? Signal.Clear;
            return ProjectView.Of(p) with
            {
                Light = signal.Light, Warnings = signal.Reasons, JurisdictionName = places.GetValueOrDefault(p.JurisdictionId),
                EnterpriseName = p.EnterpriseId is { } e ? enterprises.GetValueOrDefault(e) : null,
                ChainName = p.ChainId is { } c ? chains.GetValueOrDefault(c) : null,
                NodeName = p.NodeId is { } n ? nodes.GetValueOrDefault(n) : null,
            };
        }).ToList();
    }

    /// <summary>The names of jurisdictions a visible row refers to (its own, a share's locality, a push's source), through the <see cref="ReferenceNames"/> door.</summary>
    internal static Task<Dictionary<Guid, string>> JurisdictionNames(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        db.JurisdictionNamesAsync(ids, ct);

    internal static NotFoundException NotFound() => new("project", "项目不存在 (project not found)");

}
