using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Every pack runs on first start: the demo rows of 攀枝花, 达州, 安康 and 黔江 beside 西区's. Each demo enterprise gets
/// a year of facts (2024, and 2023 for growth); each jurisdiction a project in one of its counties or parks; each
/// pack's document its tasks, planned by that jurisdiction's office exactly as the office would (through
/// <see cref="PlanTasks"/>, from 1 January of the business year); 达州's ledger a problem at a county government (its
/// ladder starts there, 达州 （三）) and 黔江's one on a chain of its pack. Chains come from the packs only: 黔江's five;
/// 攀枝花, 安康 and 达州 declare or mention chains but name none, so none is made up for them. Idempotent by the marker
/// project of 黔江.
/// </summary>
public sealed class DemoJurisdictions(AppDb dbs, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Marker = "演示·正阳园区卷烟配套材料扩能项目";

    /// <summary>The office of each pack's jurisdiction, which plans the tasks of the pack's document.</summary>
    public static readonly IReadOnlyDictionary<string, string> Offices = new Dictionary<string, string>
    {
        ["xiqu"] = "xiqu.office", ["panzhihua"] = "pzh.office", ["dazhou"] = "dazhou.office", ["ankang"] = "ankang.office", ["qianjiang"] = "qianjiang.office",
    };

    /// <summary>
    /// Output (亿元) and employees of each demo enterprise outside 西区's own demo, for its year of facts. 安康's city-level
    /// firm (…DEM005) keeps none: it is the demo of an enterprise whose evaluation says its facts are missing.
    /// </summary>
    private static readonly (string Uscc17, string Industry, decimal OutputYi, int Employees)[] Facts =
    [
        ("91510400MA6DEM003", "4415", 6, 180),
        ("91510411MA6DEM009", "3140", 2.2m, 260),
        ("91510400MA6DEM010", "3259", 3.5m, 320),
        ("91511703MA6DEM011", "2614", 9, 650),
        ("91511722MA6DEM012", "2623", 4, 380),
        ("91610902MA6DEM013", "1499", 0.9m, 150),
        ("91610900MA6DEM014", "3099", 2.8m, 240),
        ("91500114MA6DEM015", "2231", 3.2m, 300),
        ("91500114MA6DEM016", "2720", 1.4m, 170),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using (var db = dbs.OpenSystem())
        {
            if (await db.Projects.AnyAsync(p => p.Name == Marker, ct)) return;
            var firms = await db.Enterprises.ToDictionaryAsync(e => e.Uscc, ct);
            var today = BusinessDate.Today(clock);
            foreach (var (uscc17, industry, outputYi, employees) in Facts)
            {
                var firm = firms[DemoData.FullUscc(uscc17)];
                firm.IndustryCode ??= industry;
                foreach (var (year, scale) in new[] { (2023, 0.9m), (2024, 1m) })
                {
                    if (await db.EnterpriseFacts.AnyAsync(f => f.EnterpriseId == firm.Id && f.Year == year, ct)) continue;
                    var output = outputYi * scale * 100_000_000m;
                    db.EnterpriseFacts.Add(new EnterpriseYearFact
                    {
                        JurisdictionId = firm.JurisdictionId, EnterpriseId = firm.Id, Year = year, OutputValue = output, Revenue = output * 0.96m,
                        ValueAdded = output * 0.26m, Profit = output * 0.06m, TaxPaid = output * 0.035m, Employees = employees, RdSpend = output * 0.025m,
                        EnergyTce = outputYi * 900, ElectricityKwh = outputYi * 7_000_000m, EmissionsTonnes = outputYi * 3, LandMu = employees / 3m,
                    });
                }
            }

            Project Add(string name, string uscc17, ProjectKind kind, ProjectStage stage, decimal totalYi, int listedDaysAgo, string taskForce)
            {
                var firm = firms[DemoData.FullUscc(uscc17)];
                var p = new Project
                {
                    JurisdictionId = firm.JurisdictionId, Name = name, EnterpriseId = firm.Id, Kind = kind, Stage = stage, IndustryCode = firm.IndustryCode,
                    TotalInvestment = totalYi * 100_000_000m, EquipmentInvestment = totalYi * 40_000_000m, NewOutputValue = totalYi * 120_000_000m,
                    ListedOn = today.AddDays(-listedDaysAgo), PlannedStart = today.AddDays(-listedDaysAgo + 60), PlannedCompletion = today.AddDays(-listedDaysAgo + 540),
                    TaskForce = taskForce,
                };
                if (stage >= ProjectStage.Signed) p.SignedOn = today.AddDays(-listedDaysAgo + 20);
                if (stage >= ProjectStage.Started) p.ActualStart = today.AddDays(-listedDaysAgo + 70);
                db.Projects.Add(p);
                db.Add(new ProjectAnnualPlan { Year = today.Year, PlannedInvestment = totalYi * 30_000_000m }.For<ProjectAnnualPlan>(p));
                return p;
            }
            Add("演示·仁和区钒钛制品技改项目", "91510411MA6DEM009", ProjectKind.TechRenovation, ProjectStage.Started, 1.2m, 200, "仁和区重点项目专班");
            Add("演示·达川区天然气化工延链项目", "91511703MA6DEM011", ProjectKind.Expansion, ProjectStage.Signed, 8, 90, "达川区重点项目专班");
            var selenium = Add("演示·汉滨区富硒食品加工项目", "91610902MA6DEM013", ProjectKind.New, ProjectStage.Signed, 2.5m, 120, "汉滨区重点项目专班");
            // 安康 九: approvals within 70 working days — one submitted and still waiting.
            db.Add(new ProjectApproval { Kind = ApprovalKind.Land, Status = ApprovalStatus.InProgress, SubmittedOn = today.AddDays(-40) }.For<ProjectApproval>(selenium));
            Add(Marker, "91500114MA6DEM015", ProjectKind.Expansion, ProjectStage.Started, 3, 300, "正阳工业园区项目专班");
            await db.SaveChangesAsync(ct);
        }

        foreach (var (pack, office) in Offices) await PlanTasksAsync(pack, office, ct);
        await ProblemsAsync(ct);
    }

    /// <summary>The pack's document becomes tasks as its office plans them, from 1 January of the business year.</summary>
    private async Task PlanTasksAsync(string pack, string office, CancellationToken ct)
    {
        Guid document;
        await using (var db = dbs.OpenSystem())
            document = await db.PolicyDocuments.Where(d => d.PackCode == pack).Select(d => d.Id).SingleAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        await ActAsAsync(scope.ServiceProvider, office);
        var start = new DateOnly(BusinessDate.Today(clock).Year, 1, 1);
        await scope.ServiceProvider.GetRequiredService<PlanTasks>().Generate(document, new PlanTasks.GenerateRequest(start, null), ct);
    }

    /// <summary>达州's ledger starts at the county: 达川区's enterprise goes to 达川区人民政府. 黔江's on its 新材料 chain.</summary>
    private async Task ProblemsAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var now = clock.GetUtcNow();
        var firms = await db.Enterprises.ToDictionaryAsync(e => e.Uscc, ct);
        var dachuan = firms[DemoData.FullUscc("91511703MA6DEM011")];
        await FileProblem.Open(db, dachuan, null, ProblemCategory.Power, "延链项目专线供电接入排期", "天然气化工延链项目需新建110千伏专线，供电公司排期至明年三季度。",
            ProblemSource.FieldVisit, "演示：达川区园区走访", "演示数据", now.AddDays(-3), ct);
        var material = await db.Chains.FirstOrDefaultAsync(c => c.Name == "新材料" && c.PackCode == "qianjiang", ct);
        if (material is not null)
        {
            material.LeadUnitId ??= await db.Units.Where(u => u.Key == "qianjiang.jxw").Select(u => (Guid?)u.Id).SingleAsync(ct);
            var qianjiang = firms[DemoData.FullUscc("91500114MA6DEM006")];
            await FileProblem.Open(db, qianjiang, material.Id, ProblemCategory.Land, "玻纤复合材料二期用地报批", "二期扩能需新增工业用地45亩，土地报批材料已提交两个月。",
                ProblemSource.EnterpriseSelfService, null, "演示数据", now.AddDays(-5), ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo account becomes the caller of this scope, as the command line's --user does.</summary>
    private static async Task ActAsAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"demo account {userName} is missing");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
        services.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "demo")));
    }
}
