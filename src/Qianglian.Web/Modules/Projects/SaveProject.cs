using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Projects;

/// <summary>Adds a project to the library and edits its record (stage changes are transitions of their own).</summary>
public sealed class SaveProject(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record ShareInput(Guid LocalityId, decimal InvestmentPercent, decimal OutputPercent);

    public sealed record PlanInput(int Year, decimal PlannedInvestment);

    /// <summary>The editable record of a project. Money in yuan; shares in percent.</summary>
    public sealed record ProjectFields(
        string Name, Guid? EnterpriseId = null, Guid? ChainId = null, Guid? NodeId = null, ProjectPurpose? Purpose = null,
        ProjectKind Kind = ProjectKind.New, ProjectFlags Flags = ProjectFlags.None, decimal TotalInvestment = 0,
        decimal EquipmentInvestment = 0, decimal NewOutputValue = 0, DateOnly? PlannedStart = null,
        DateOnly? PlannedCompletion = null, string? Description = null)
    {
        public string? IndustryCode { get; init; }
        /// <summary>入库日期; today when omitted on creation.</summary>
        public DateOnly? ListedOn { get; init; }
        public string? TaskForce { get; init; }
        public string? ResponsibleLeader { get; init; }
        public Guid? ResponsibleUnitId { get; init; }
        public decimal? LandMu { get; init; }
        public decimal? CommittedInvestmentPerMu { get; init; }
        public decimal? CommittedOutputPerMu { get; init; }
        public decimal? CommittedTaxPerMu { get; init; }
        public decimal? CommittedPlotRatio { get; init; }
        /// <summary>null: keep the stored shares (on update) / none (on creation).</summary>
        public IReadOnlyList<ShareInput>? Shares { get; init; }
        public IReadOnlyList<PlanInput>? Plans { get; init; }
    }

    public sealed record CreateRequest(Guid JurisdictionId, ProjectFields Project);
    public sealed record UpdateRequest(ProjectFields Project, int Version);

    public async Task<ProjectView> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var fields = Normalise(request.Project);
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == request.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        await CheckReferences(db, fields, null, [], ct);
        await CheckUniqueName(db, request.JurisdictionId, fields.Name, null, ct);
        var project = new Project { JurisdictionId = request.JurisdictionId, ListedOn = fields.ListedOn ?? BusinessDate.Today(clock) };
        Apply(project, fields);
        db.Set<Project>().Add(project);
        ReplaceParts(db, project, fields, [], []);
        await db.SaveChangesAsync(ct);
        return ProjectView.Of(project);
    }

    public async Task Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var fields = Normalise(request.Project);
        await using var db = dbs.Open();
        var project = await db.Set<Project>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ReadProjects.NotFound();
        var shares = await db.Set<ProjectShare>().Where(s => s.ProjectId == id).ToListAsync(ct);
        await CheckReferences(db, fields, project, shares.Select(s => s.LocalityId).ToList(), ct);
        await CheckUniqueName(db, project.JurisdictionId, fields.Name, id, ct);
        db.ExpectVersion(project, request.Version);
        var enterpriseChanged = project.EnterpriseId != fields.EnterpriseId;
        Apply(project, fields);
        if (fields.ListedOn is { } listed) project.ListedOn = listed;
        var plans = await db.Set<ProjectAnnualPlan>().Where(s => s.ProjectId == id).ToListAsync(ct);
        ReplaceParts(db, project, fields, shares, plans);
        if (enterpriseChanged) await FollowEnterprise(db, project, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Replaces the shares and the annual plans when the request gives them.</summary>
    private static void ReplaceParts(AppDbContext db, Project project, ProjectFields f, List<ProjectShare> shares, List<ProjectAnnualPlan> plans)
    {
        if (f.Shares is { } newShares)
        {
            db.RemoveRange(shares);
            foreach (var s in newShares)
                db.Add(new ProjectShare { LocalityId = s.LocalityId, InvestmentPercent = s.InvestmentPercent, OutputPercent = s.OutputPercent }.For<ProjectShare>(project));
        }
        if (f.Plans is { } newPlans)
        {
            foreach (var stale in plans.Where(p => newPlans.All(n => n.Year != p.Year))) db.Remove(stale);
            foreach (var n in newPlans)
            {
                var plan = plans.FirstOrDefault(p => p.Year == n.Year) ?? (ProjectAnnualPlan)db.Add(new ProjectAnnualPlan { Year = n.Year }.For<ProjectAnnualPlan>(project)).Entity;
                plan.PlannedInvestment = n.PlannedInvestment;
            }
        }
    }

    /// <summary>A project's parts carry its enterprise (for enterprise users' scope): they follow a change of it.</summary>
    internal static async Task FollowEnterprise(AppDbContext db, Project project, CancellationToken ct)
    {
        async Task Move<T>() where T : ProjectPart
        {
            foreach (var part in await db.Set<T>().Where(x => x.ProjectId == project.Id).ToListAsync(ct)) part.EnterpriseId = project.EnterpriseId;
        }
        await Move<ProjectShare>(); await Move<ProjectAnnualPlan>(); await Move<ProjectStageChange>(); await Move<ProjectMilestone>();
        await Move<ProjectApproval>(); await Move<MonthlyReport>(); await Move<ReportPhoto>(); await Move<ReportProblem>();
    }

    internal static ProjectFields Normalise(ProjectFields f)
    {
        // A JSON body may omit the name altogether.
        var name = f.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        void Check(bool bad, string field, string message) { if (bad) errors[field] = [message]; }
        Check(name.Length == 0, "name", "项目名称不能为空 (name is required)");
        Check(name.Length > 200, "name", "项目名称不能超过200字 (name too long)");
        Check(f.TotalInvestment < 0, "totalInvestment", "总投资不能为负数 (must not be negative)");
        Check(f.EquipmentInvestment < 0, "equipmentInvestment", "设备投资不能为负数 (must not be negative)");
        Check(f.EquipmentInvestment > f.TotalInvestment && f.TotalInvestment > 0, "equipmentInvestment",
            "设备（含软件）投资不能超过总投资 (equipment investment exceeds the total)");
        Check(f.NewOutputValue < 0, "newOutputValue", "新增生产规模不能为负数 (must not be negative)");
        Check(f.PlannedStart is { } s && f.PlannedCompletion is { } c && c < s, "plannedCompletion",
            "计划竣工日期不能早于计划开工日期 (completion before start)");
        Check(f.NodeId is not null && f.ChainId is null, "nodeId", "选择环节前须先选择产业链 (a node needs its chain)");
        string? industry = null;
        if (!string.IsNullOrWhiteSpace(f.IndustryCode))
        {
            var check = IndustryCode.Check(f.IndustryCode);
            Check(!check.IsValid, "industryCode", check.Error ?? "");
            industry = check.IsValid ? IndustryCode.Normalise(f.IndustryCode) : null;
        }
        Check(f.LandMu is < 0, "landMu", "用地面积不能为负数 (must not be negative)");
        Check(f.CommittedInvestmentPerMu is < 0 || f.CommittedOutputPerMu is < 0 || f.CommittedTaxPerMu is < 0 || f.CommittedPlotRatio is < 0,
            "standardLand", "标准地承诺指标不能为负数 (committed indicators must not be negative)");
        Check(f.Flags.HasFlag(ProjectFlags.StandardLand) && (f.CommittedInvestmentPerMu is null || f.CommittedOutputPerMu is null || f.CommittedTaxPerMu is null),
            "standardLand", "标准地项目须填写承诺的亩均投资强度、亩均产值和亩均税收 (a 标准地 project needs its committed per-mu indicators)");
        if (f.Shares is { } shares)
            foreach (var (field, message) in Shares.Check(shares.Select(x => new LocalityShare(x.LocalityId, x.InvestmentPercent, x.OutputPercent)).ToList()))
                Check(true, field, message);
        if (f.Plans is { } plans)
        {
            Check(plans.GroupBy(p => p.Year).Any(g => g.Count() > 1), "plans", "同一年度的投资计划重复 (a year appears twice)");
            Check(plans.Any(p => p.PlannedInvestment < 0), "plans", "年度计划投资不能为负数 (must not be negative)");
            Check(plans.Any(p => p.Year is < 2000 or > 2100), "plans", "年度应为2000至2100年 (year out of range)");
            Check(f.TotalInvestment > 0 && plans.Sum(p => p.PlannedInvestment) > f.TotalInvestment, "plans",
                $"各年度计划投资合计{Dispatch.Wan(plans.Sum(p => p.PlannedInvestment))}万元超过总投资 (annual plans exceed the total investment)");
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return f with
        {
            Name = name, Description = Clean(f.Description), IndustryCode = industry, TaskForce = Clean(f.TaskForce), ResponsibleLeader = Clean(f.ResponsibleLeader),
        };
    }

    /// <summary>
    /// Every id of the record must name a row the caller may see — the responsible unit may also be one it inherits
    /// (a city bureau) — else 404 on that field, before anything is stored. On an update, what the project already
    /// refers to is kept without a new check: a county's project converted from a pushed lead may serve its city's
    /// chain, which the county does not see, and a share its city office agreed may credit a neighbour.
    /// </summary>
    /// <param name="stored">The project as stored (null on creation).</param>
    /// <param name="storedLocalities">The localities its stored shares credit.</param>
    internal static async Task CheckReferences(AppDbContext db, ProjectFields f, Project? stored, IReadOnlyCollection<Guid> storedLocalities, CancellationToken ct)
    {
        if (f.EnterpriseId != stored?.EnterpriseId)
            await db.RequireVisibleAsync<Enterprise>(f.EnterpriseId, "enterpriseId", "项目单位不在企业名录中 (enterpriseId: enterprise not found)", ct);
        if (f.ChainId != stored?.ChainId)
            await db.RequireVisibleAsync<Chain>(f.ChainId, "chainId", "产业链不存在 (chainId: chain not found)", ct);
        if (f.NodeId is { } n && (stored is null || n != stored.NodeId || f.ChainId != stored.ChainId))
        {
            await db.RequireVisibleAsync<ChainNode>(n, "nodeId", "环节不存在 (nodeId: node not found)", ct);
            if (!await db.ChainNodes.AnyAsync(x => x.Id == n && x.ChainId == f.ChainId, ct))
                throw new ValidationException("nodeId", "该环节不属于所选产业链 (the node is not of this chain)");
        }
        if (f.ResponsibleUnitId != stored?.ResponsibleUnitId)
            await db.RequireVisibleOrInheritedAsync<GovernmentUnit>(f.ResponsibleUnitId, "responsibleUnitId", "责任单位不存在 (responsibleUnitId: unit not found)", ct);
        if (f.Shares is { Count: > 0 } shares)
        {
            var added = shares.Select(s => s.LocalityId).Except(storedLocalities).ToList();
            if ((await RefusedLocalitiesAsync(db, added, f.ChainId, ct)).Count > 0) throw NotCreditable();
        }
    }

    /// <summary>The localities the caller may not credit with a share of a project of <paramref name="chainId"/> (Core's <see cref="CreditableLocalities"/>).</summary>
    private static async Task<IReadOnlyList<Guid>> RefusedLocalitiesAsync(AppDbContext db, IReadOnlyCollection<Guid> localities, Guid? chainId, CancellationToken ct)
    {
        if (localities.Count == 0) return [];
        var visible = await db.Jurisdictions.AsNoTracking().Where(j => localities.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.JurisdictionPath, ct);
        return CreditableLocalities.Refused(localities, visible, db.Scope.Path, await ChainLocalitiesAsync(db, chainId, ct));
    }

    /// <summary>The host and collaborating localities of the chain, if the caller sees it (else none: only its own subtree is creditable).</summary>
    internal static async Task<ChainLocalities> ChainLocalitiesAsync(AppDbContext db, Guid? chainId, CancellationToken ct) =>
        chainId is { } id && await db.Chains.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.HostJurisdictionIds, c.CollaboratingJurisdictionIds }).FirstOrDefaultAsync(ct) is { } chain
            ? new ChainLocalities(chain.HostJurisdictionIds, chain.CollaboratingJurisdictionIds)
            : ChainLocalities.None;

    internal static NotFoundException NotCreditable() => new("shares",
        "分成辖区不存在，或既不在本辖区内、也不是该项目产业链的主要承载地或协同发展地 (shares: a locality outside your jurisdiction that the project's chain does not name)");

    /// <summary>A project's name is unique within its jurisdiction, whoever can see the other project.</summary>
    internal static async Task CheckUniqueName(AppDbContext db, Guid jurisdictionId, string name, Guid? except, CancellationToken ct)
    {
        if (await db.IsTakenAsync<Project>(p => p.JurisdictionId == jurisdictionId && p.Name == name && p.Id != except, ct))
            throw new ValidationException("name", $"本辖区已有项目“{name}” (a project of this name exists)");
    }

    internal static void Apply(Project p, ProjectFields f)
    {
        (p.Name, p.EnterpriseId, p.ChainId, p.NodeId, p.Purpose, p.Kind, p.Flags) = (f.Name, f.EnterpriseId, f.ChainId, f.NodeId, f.Purpose, f.Kind, f.Flags);
        (p.TotalInvestment, p.EquipmentInvestment, p.NewOutputValue) = (f.TotalInvestment, f.EquipmentInvestment, f.NewOutputValue);
        (p.PlannedStart, p.PlannedCompletion, p.Description, p.IndustryCode) = (f.PlannedStart, f.PlannedCompletion, f.Description, f.IndustryCode);
        (p.TaskForce, p.ResponsibleLeader, p.ResponsibleUnitId, p.LandMu) = (f.TaskForce, f.ResponsibleLeader, f.ResponsibleUnitId, f.LandMu);
        (p.CommittedInvestmentPerMu, p.CommittedOutputPerMu, p.CommittedTaxPerMu, p.CommittedPlotRatio) =
            (f.CommittedInvestmentPerMu, f.CommittedOutputPerMu, f.CommittedTaxPerMu, f.CommittedPlotRatio);
    }
}
