using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Incentives;
using Qianglian.Core.Projects;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Bench;

/// <summary>
/// What the 待办 inbox reads, at province scale, over the synthetic province (seeded random, binary COPY through the
/// application's own column writers). At <c>inbox=100</c> (per cent), for 21 cities and 183 counties:
/// <list type="bullet">
/// <item>accounts: per county an office (协调办, sitting in 经信局), four departments acting on the incentive stages
/// (经信局 receiving, 发改局 and 财政局 consulted, 区政府 approving; 财政局 also pays) as lead departments, two operators
/// (自然资源局, 商务局) and a leader; per city an office and a leader; at the province an office and the 60 chains'
/// chiefs — 1,568 officials; and 20,000 enterprise accounts (2 % of a million enterprises: those that apply or report);</item>
/// <item>100,000 incentive applications over five years, 85 % closed (archived or rejected), 15 % at a stage (intake 4 %,
/// consultation 3 %, the chief's study 3 %, approval 2 %, payment 3 %), the rest drafts and returns; one workflow per
/// county with 西区's stages and time limits (措施十) and two measures;</item>
/// <item>200,000 problems, 93 % closed; 5 % open at a county unit, 1 % climbed to the chain's chief, 1 % answered and
/// waiting for the enterprise's rating;</item>
/// <item>a measure task for every one of a county's 16 measures × 6 units (17,568; below 100 %, that share of 20,000), 80 % in progress,
/// 15 % done, 5 % not yet assigned, with their monthly reports since the start (9 in 10 filed) — ≈ 140,000 reports;</item>
/// <item>50,000 key projects (≈ 270 per county), 30 % under construction with 14 months of dispatch reports (9 in 10
/// filed), three approvals each (4 % tolerated against a 容缺 commitment);</item>
/// <item>the province's tier review with 10,000 open proposals, and a published grading with 500 open objections.</item>
/// </list>
/// Volumes scale with the percentage (the 60 chiefs and the unit structure stay).
/// </summary>
public sealed class InboxProvince(SyntheticProvince province, string connectionString, int percent)
{
    private readonly Random random = new(20261207);
    private int Scaled(int full) => Math.Max(1, (int)((long)full * percent / 100));

    public static readonly string[] CountyUnits = ["jxj", "fgj", "czj", "qzf", "zrzy", "sw"];
    public static readonly Dictionary<string, string> UnitNames = new()
    {
        ["jxj"] = "经济和信息化局", ["fgj"] = "发展和改革局", ["czj"] = "财政局", ["qzf"] = "人民政府", ["zrzy"] = "自然资源局", ["sw"] = "商务局",
    };

    public Dictionary<string, Guid> Accounts { get; } = [];
    public int EnterpriseAccounts { get; private set; }
    public int OfficialAccounts { get; private set; }
    public string? BusiestEnterpriseAccount { get; private set; }
    public string FirstCountyCode => Code(province.Counties[0].Path);
    public Dictionary<string, int> Volumes { get; } = [];

    private static string Code(string path) => path.TrimEnd('/').Split('/')[^1];

    public async Task BuildAsync(AppDbContext db, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var model = db.Model;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        Task Copy<T>(IEnumerable<T> rows) where T : class => PostgresCopy.InsertAsync(connection, model.FindEntityType(typeof(T))!, rows, ct);

        var places = await db.Jurisdictions.AsNoTracking().Where(j => j.JurisdictionPath.StartsWith(province.ProvincePath))
            .Select(j => new { j.Id, j.Code, j.JurisdictionPath, j.Level }).ToListAsync(ct);
        var byPath = places.ToDictionary(p => p.JurisdictionPath, p => p.Id);

        // Units: six per county, an office unit per city and for the province.
        var units = new List<GovernmentUnit>();
        var unitOf = new Dictionary<string, Guid>(); // "<code>.<key>"
        foreach (var p in places)
        {
            var keys = p.Level == JurisdictionLevel.County ? CountyUnits : ["jxj"];
            foreach (var key in keys)
            {
                var u = new GovernmentUnit { Key = $"{p.Code}.{key}", Name = UnitNames[key], JurisdictionId = p.Id, JurisdictionPath = p.JurisdictionPath };
                units.Add(u);
                unitOf[u.Key] = u.Id;
            }
        }
        await Copy(units);

        // Accounts.
        // The roles, as the first start of the application creates them.
        var present = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var name in Roles.All.Except(present.OfType<string>())) db.Roles.Add(new AppRole(name) { NormalizedName = name.ToUpperInvariant() });
        await db.SaveChangesAsync(ct);
        var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var users = new List<AppUser>();
        var userRoles = new List<IdentityUserRole<Guid>>();
        void Account(string name, string role, Guid jurisdiction, string path, Guid? unit, Guid? enterprise)
        {
            var u = new AppUser
            {
                UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, JurisdictionId = jurisdiction, JurisdictionPath = path,
                UnitId = unit, EnterpriseId = enterprise, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            };
            users.Add(u);
            userRoles.Add(new IdentityUserRole<Guid> { UserId = u.Id, RoleId = roleIds[role] });
            Accounts[name] = u.Id;
        }
        foreach (var p in places)
        {
            if (p.Level == JurisdictionLevel.County)
            {
                Account($"bench.{p.Code}.office", Roles.CoordinationOffice, p.Id, p.JurisdictionPath, unitOf[$"{p.Code}.jxj"], null);
                foreach (var key in new[] { "jxj", "fgj", "czj", "qzf" })
                    Account($"bench.{p.Code}.{key}", Roles.LeadDepartment, p.Id, p.JurisdictionPath, unitOf[$"{p.Code}.{key}"], null);
                foreach (var key in new[] { "zrzy", "sw" })
                    Account($"bench.{p.Code}.{key}", Roles.LocalOperator, p.Id, p.JurisdictionPath, unitOf[$"{p.Code}.{key}"], null);
            }
            else
                Account($"bench.{p.Code}.office", Roles.CoordinationOffice, p.Id, p.JurisdictionPath, unitOf[$"{p.Code}.jxj"], null);
            Account($"bench.{p.Code}.leader", Roles.Leader, p.Id, p.JurisdictionPath, null, null);
        }
        var chiefs = new List<Guid>();
        for (var c = 0; c < province.ChainIds.Count; c++)
        {
            Account($"bench.chief{c + 1:00}", Roles.ChainChief, province.ProvinceId, province.ProvincePath, null, null);
            chiefs.Add(users[^1].Id);
        }
        OfficialAccounts = users.Count;

        // Enterprise accounts: a share of the enterprises, in their own county.
        var enterpriseCount = Scaled(20_000);
        var holders = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Take(enterpriseCount * 5)
            .Select(e => new { e.Id, e.JurisdictionId, e.JurisdictionPath }).ToListAsync(ct);
        var withAccount = holders.Take(enterpriseCount).ToList();
        foreach (var e in withAccount) Account($"bench.e.{e.Id:N}", Roles.EnterpriseUser, e.JurisdictionId, e.JurisdictionPath, null, e.Id);
        EnterpriseAccounts = withAccount.Count;
        var accountHolders = withAccount.Select(e => e.Id).ToHashSet();
        await Copy(users);
        await Copy(userRoles);
        await using (var chiefsSet = new NpgsqlCommand("""UPDATE "Chains" SET "ChiefUserId" = (@chiefs)[c."Ordinal"] FROM "Chains" c WHERE c."Id" = "Chains"."Id" AND c."JurisdictionPath" = @path""", connection))
        {
            chiefsSet.Parameters.AddWithValue("chiefs", chiefs.ToArray());
            chiefsSet.Parameters.AddWithValue("path", province.ProvincePath);
            await chiefsSet.ExecuteNonQueryAsync(ct);
        }
        // Half of the rows belong to enterprises with an account, half to any enterprise of the pool.
        (Guid Id, Guid Jurisdiction, string Path) AnyEnterprise()
        {
            var e = random.Next(2) == 0 ? withAccount[random.Next(withAccount.Count)] : holders[random.Next(holders.Count)];
            return (e.Id, e.JurisdictionId, e.JurisdictionPath);
        }
        string CountyCode(string path) => Code(path);

        // One workflow per county: 西区's stages and time limits (措施十), its units' keys; two measures on it.
        var workflows = new List<IncentiveWorkflow>();
        var measures = new List<IncentiveMeasure>();
        var measuresOf = new Dictionary<string, List<Guid>>();
        foreach (var (id, path) in province.Counties)
        {
            var code = Code(path);
            StageActor UnitActor(string key) => new() { Unit = $"{code}.{key}" };
            var w = new IncentiveWorkflow
            {
                JurisdictionId = id, JurisdictionPath = path, PackCode = "bench",
                Definition = new WorkflowDefinition($"{code}.measure10", "政策兑现审批流程",
                [
                    new StageDefinition("intake", "经信局受理", StageKind.Intake, UnitActor("jxj"), [], 5) { WorkingDays = true },
                    new StageDefinition("consultation", "初步会商", StageKind.Consultation, UnitActor("jxj"), [$"{code}.fgj", $"{code}.czj"], 10) { WorkingDays = true },
                    new StageDefinition("study", "链长专题研究", StageKind.Study, new StageActor { ChainChief = true }, [], 15) { WorkingDays = true },
                    new StageDefinition("approval", "政府审定", StageKind.Approval, UnitActor("qzf"), [], 20) { WorkingDays = true },
                    new StageDefinition("payment", "财政局兑付", StageKind.Payment, UnitActor("czj"), [], 30) { WorkingDays = true },
                    new StageDefinition("archive", "已兑付，归档", StageKind.Archive, UnitActor("jxj"), [], 10) { WorkingDays = true },
                ]),
            };
            workflows.Add(w);
            measuresOf[code] = [];
            foreach (var (key, title) in new[] { ("6", "设备投资补助（六）"), ("7", "技改设备投资补助（七）") })
            {
                var m = new IncentiveMeasure
                {
                    JurisdictionId = id, JurisdictionPath = path, Key = $"{code}.{key}", Title = title, Clause = "合成条款", SupportType = "设备投资补助",
                    WorkflowId = w.Id, Ordinal = int.Parse(key), PackCode = "bench", ChecklistJson = "[]",
                };
                measures.Add(m);
                measuresOf[code].Add(m.Id);
            }
        }
        await Copy(workflows);
        await Copy(measures);

        // Applications.
        var stages = new (string State, double Share, int Days)[]
        {
            (WorkflowDefinition.Archived, 0.70, 0), (WorkflowDefinition.Rejected, 0.08, 0), (WorkflowDefinition.Draft, 0.03, 0), (WorkflowDefinition.Returned, 0.02, 0),
            ("proactive", 0.02, 0), ("intake", 0.04, 5), ("consultation", 0.03, 10), ("study", 0.03, 15), ("approval", 0.02, 20), ("payment", 0.03, 30),
        };
        var applicationCount = Scaled(100_000);
        var appEnterprises = new Dictionary<Guid, int>();
        IEnumerable<IncentiveApplication> Applications()
        {
            for (var i = 0; i < applicationCount; i++)
            {
                var (enterprise, jurisdiction, path) = AnyEnterprise();
                appEnterprises[enterprise] = appEnterprises.GetValueOrDefault(enterprise) + 1;
                var r = random.NextDouble();
                var stage = stages[^1];
                foreach (var s in stages) { if (r < s.Share) { stage = s; break; } r -= s.Share; }
                var state = stage.State == "proactive" ? WorkflowDefinition.Draft : stage.State;
                // Entered its stage up to 1.6 × its time limit ago (calendar days, roughly the working days): about a third late.
                var entered = stage.Days > 0 ? today.AddDays(-random.Next(0, stage.Days * 16 / 10 + 1)) : today.AddDays(-random.Next(0, 1800));
                yield return new IncentiveApplication
                {
                    JurisdictionId = jurisdiction, JurisdictionPath = path, Number = $"SQ{i:D8}", MeasureId = measuresOf[CountyCode(path)][random.Next(2)],
                    EnterpriseId = enterprise, ChainId = province.ChainIds[random.Next(province.ChainIds.Count)],
                    Origin = stage.State == "proactive" ? ApplicationOrigin.Proactive : ApplicationOrigin.Enterprise, State = state,
                    StageEnteredAt = new DateTimeOffset(entered.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    StageDueOn = stage.Days > 0 ? entered.AddDays(stage.Days * 7 / 5) : null, Round = 1, Category = "智改数转",
                    Reason = state == WorkflowDefinition.Returned ? "请补充设备发票" : null, CreatedAt = now.AddDays(-random.Next(0, 1800)),
                    SubmittedAt = state == WorkflowDefinition.Draft ? null : now.AddDays(-random.Next(0, 1800)),
                };
            }
        }
        await Copy(Applications());
        Volumes["applications"] = applicationCount;
        BusiestEnterpriseAccount = $"bench.e.{appEnterprises.Where(a => accountHolders.Contains(a.Key)).MaxBy(a => a.Value).Key:N}";

        // Problems.
        var problemCount = Scaled(200_000);
        IEnumerable<Problem> Problems()
        {
            string[] handling = ["jxj", "zrzy", "sw", "fgj"];
            for (var i = 0; i < problemCount; i++)
            {
                var (enterprise, jurisdiction, path) = AnyEnterprise();
                var r = random.NextDouble();
                var chain = random.Next(province.ChainIds.Count);
                var filed = now.AddDays(-random.Next(1, 1800));
                var p = new Problem
                {
                    JurisdictionId = jurisdiction, JurisdictionPath = path, EnterpriseId = enterprise, ChainId = province.ChainIds[chain],
                    Category = (ProblemCategory)random.Next(1, 8), Title = $"合成问题{i:D7}", Description = "合成问题描述", Source = ProblemSource.EnterpriseSelfService,
                    FiledBy = "bench", FiledAt = filed, LevelReachedAt = filed, DueAt = filed.AddDays(10),
                };
                if (r < 0.93) { p.Status = ProblemStatus.Closed; p.ClosedAt = filed.AddDays(8); p.ClosedOnTime = true; p.Resolution = "已解决"; p.Rating = Satisfaction.Satisfied; }
                else if (r < 0.94) { p.Status = ProblemStatus.Resolved; p.Resolution = "已答复"; p.ResolvedAt = now.AddDays(-random.Next(0, 10)); }
                else if (r < 0.99)
                {
                    p.AssignedUnitId = unitOf[$"{CountyCode(path)}.{handling[random.Next(handling.Length)]}"];
                    p.FirstUnitId = p.AssignedUnitId;
                    p.DueAt = now.AddDays(random.Next(-10, 16));
                }
                else
                {
                    p.Level = EscalationLevel.ChainChief; p.Escalated = true; p.AssignedUserId = chiefs[chain];
                    p.DueAt = now.AddDays(random.Next(-10, 16));
                }
                yield return p;
            }
        }
        await Copy(Problems());
        Volumes["problems"] = problemCount;

        // Measure tasks and their monthly reports: each county's implementing document has 16 measures (as 攀枝花's 十六条).
        var documents = new List<PolicyDocument>();
        var policyMeasures = new List<Measure>();
        var policyMeasuresOf = new Dictionary<Guid, List<Guid>>();
        foreach (var (id, path) in province.Counties)
        {
            var d = new PolicyDocument { JurisdictionId = id, JurisdictionPath = path, Title = "关于建圈强链的若干措施（合成）", SourceText = "", ContentHash = "", ImportedAt = now, PackCode = "bench" };
            documents.Add(d);
            policyMeasuresOf[id] = [];
            for (var m = 1; m <= 16; m++)
            {
                var measure = new Measure
                {
                    JurisdictionId = id, JurisdictionPath = path, DocumentId = d.Id, Number = m.ToString(), Ordinal = m, Title = $"措施{m}", Body = "", Line = m,
                    ResponsibilityForm = "", ResponsibilityText = "",
                };
                policyMeasures.Add(measure);
                policyMeasuresOf[id].Add(measure.Id);
            }
        }
        await Copy(documents);
        await Copy(policyMeasures);
        var documentOf = documents.ToDictionary(d => d.JurisdictionId, d => d.Id);
        var taskCount = Scaled(20_000);
        var tasks = new List<MeasureTask>();
        var taskReports = new List<TaskReport>();
        var lastMonth = ReportPeriod.Of(today.AddMonths(-1));
        // A task is one measure's work for one unit (unique): each of a county's 16 × 6 measure–unit pairs is a task with
        // the probability that gives the volume (all of them — 17,568 — above that volume).
        var pairs = (from c in province.Counties from m in Enumerable.Range(0, 16) from u in CountyUnits select (c.Id, c.Path, m, u)).ToList();
        var share = Math.Min(1.0, (double)taskCount / pairs.Count);
        var numbered = 0;
        foreach (var (county, path, measureIndex, unitKey) in pairs)
        {
            if (random.NextDouble() >= share) continue;
            numbered++;
            var unit = unitOf[$"{Code(path)}.{unitKey}"];
            var r = random.NextDouble();
            var start = today.AddDays(-random.Next(30, 540));
            var t = new MeasureTask
            {
                JurisdictionId = county, JurisdictionPath = path, DocumentId = documentOf[county], MeasureId = policyMeasuresOf[county][measureIndex], Role = MeasureRole.Lead,
                Title = $"合成任务{numbered:D6}", StartOn = start, DueOn = start.AddDays(random.Next(180, 720)),
                Status = r < 0.05 ? MeasureTaskStatus.Unassigned : r < 0.20 ? MeasureTaskStatus.Completed : MeasureTaskStatus.InProgress,
            };
            if (t.Status == MeasureTaskStatus.Unassigned) t.NamedAs = "县有关部门";
            else t.UnitId = unit;
            if (t.Status == MeasureTaskStatus.Completed) t.CompletedOn = today.AddDays(-random.Next(0, 30));
            tasks.Add(t);
            if (t.UnitId is not { } u) continue;
            for (var p = ReportPeriod.Of(start); p <= lastMonth; p = p.Next())
                if (random.Next(10) != 0)
                    taskReports.Add(new TaskReport
                    {
                        JurisdictionId = county, JurisdictionPath = path, TaskId = t.Id, UnitId = u, Period = $"{p.Year:D4}-{p.Month:D2}", Progress = "按计划推进",
                        PercentComplete = 50, SubmittedOn = p.Next().FirstDay.AddDays(-2), SubmittedAt = now, SubmittedBy = "bench",
                    });
        }
        await Copy(tasks);
        await Copy(taskReports);
        Volumes["measure tasks"] = tasks.Count;
        Volumes["task reports"] = taskReports.Count;

        // Key projects, their dispatch reports and approvals.
        var projectCount = Scaled(50_000);
        var projects = new List<Project>();
        var reports = new List<MonthlyReport>();
        var approvals = new List<ProjectApproval>();
        for (var i = 0; i < projectCount; i++)
        {
            var (enterprise, jurisdiction, path) = AnyEnterprise();
            var r = random.NextDouble();
            var p = new Project
            {
                JurisdictionId = jurisdiction, JurisdictionPath = path, Name = $"合成项目{i:D6}", EnterpriseId = enterprise,
                ChainId = province.ChainIds[random.Next(province.ChainIds.Count)], TotalInvestment = random.Next(1, 500) * 1_000_000m,
                ListedOn = today.AddDays(-random.Next(60, 1500)), ResponsibleUnitId = unitOf[$"{Code(path)}.{(random.Next(2) == 0 ? "jxj" : "sw")}"],
            };
            if (r < 0.30) { p.Stage = ProjectStage.Started; p.ActualStart = today.AddDays(-random.Next(60, 700)); }
            else if (r < 0.50) { p.Stage = ProjectStage.Completed; p.ActualStart = today.AddDays(-random.Next(800, 1400)); p.ActualCompletion = today.AddDays(-random.Next(60, 700)); }
            else if (r < 0.60) { p.Stage = ProjectStage.Terminated; p.TerminatedOn = today.AddDays(-random.Next(30, 700)); p.TerminationReason = "企业放弃"; }
            else p.Stage = random.Next(2) == 0 ? ProjectStage.Reserve : ProjectStage.Signed;
            projects.Add(p);
            if (p.Stage == ProjectStage.Started)
                for (var m = ReportPeriod.Of(today.AddMonths(-14)); m <= lastMonth; m = m.Next())
                    if (m >= ReportPeriod.Of(p.ActualStart!.Value) && random.Next(10) != 0)
                    {
                        var report = new MonthlyReport
                        {
                            Year = m.Year, Month = m.Month, MonthInvestment = 1_000_000m, ProgressPercent = 50, Progress = "主体施工", FiledOn = m.Next().FirstDay.AddDays(2),
                            FiledAt = now, FiledBy = "bench",
                        }.For<MonthlyReport>(p);
                        report.JurisdictionPath = p.JurisdictionPath;
                        reports.Add(report);
                    }
            foreach (var kind in new[] { ApprovalKind.Planning, ApprovalKind.Land, ApprovalKind.Environment })
            {
                var s = random.NextDouble();
                var a = new ProjectApproval
                {
                    Kind = kind,
                    Status = s < 0.70 ? ApprovalStatus.Approved : s < 0.90 ? ApprovalStatus.InProgress : s < 0.94 ? ApprovalStatus.Tolerated : ApprovalStatus.NotStarted,
                }.For<ProjectApproval>(p);
                a.JurisdictionPath = p.JurisdictionPath;
                if (a.Status == ApprovalStatus.Approved) a.ApprovedOn = today.AddDays(-random.Next(30, 900));
                if (a.Status == ApprovalStatus.Tolerated) { a.CommitmentDeadline = today.AddDays(random.Next(-20, 60)); a.Commitment = "承诺限期补齐"; }
                approvals.Add(a);
            }
        }
        await Copy(projects);
        await Copy(reports);
        await Copy(approvals);
        Volumes["projects"] = projectCount;
        Volumes["dispatch reports"] = reports.Count;
        Volumes["project approvals"] = approvals.Count;

        // The province's tier review with open proposals, and a published grading with open objections.
        var review = new EvaluationRun
        {
            JurisdictionId = province.ProvinceId, JurisdictionPath = province.ProvincePath, Kind = RunKind.TierReview, Year = 2024, Status = RunStatus.Proposed,
            Title = "2024年度链主企业梯度评价（合成）", CreatedAt = now, CreatedBy = "bench", FinishedAt = now,
        };
        var grading = new EvaluationRun
        {
            JurisdictionId = province.ProvinceId, JurisdictionPath = province.ProvincePath, Kind = RunKind.Grading, Year = 2024, Status = RunStatus.Published,
            Title = "2024年度亩均评价（合成）", CreatedAt = now, CreatedBy = "bench", FinishedAt = now, PublishedOn = today.AddDays(-5), ObjectionDeadline = today.AddDays(10),
        };
        await Copy(new[] { review, grading });
        var proposals = Enumerable.Range(0, Scaled(10_000)).Select(_ =>
        {
            var e = holders[random.Next(holders.Count)];
            return new EvaluationResult
            {
                JurisdictionId = e.JurisdictionId, JurisdictionPath = e.JurisdictionPath, RunId = review.Id, ModelId = Guid.Empty, EnterpriseId = e.Id,
                ChainId = province.ChainIds[random.Next(province.ChainIds.Count)], Score = 70, Class = "2", ClassKey = "2", FinalClass = "2",
                Proposal = ProposalKind.Admit, Decision = Decision.Pending,
            };
        }).ToList();
        var graded = Enumerable.Range(0, Scaled(500)).Select(_ =>
        {
            var e = holders[random.Next(holders.Count)];
            return new EvaluationResult
            {
                JurisdictionId = e.JurisdictionId, JurisdictionPath = e.JurisdictionPath, RunId = grading.Id, ModelId = Guid.Empty, EnterpriseId = e.Id,
                Score = 40, Class = "C", ClassKey = "C", FinalClass = "C", Decision = Decision.NotNeeded,
            };
        }).ToList();
        await Copy(proposals.Concat(graded));
        await Copy(graded.Select(g => new Objection
        {
            JurisdictionId = g.JurisdictionId, JurisdictionPath = g.JurisdictionPath, RunId = grading.Id, ResultId = g.Id, EnterpriseId = g.EnterpriseId,
            Reason = "用地面积有误", FiledBy = "bench", FiledAt = now, Status = ObjectionStatus.Open,
        }));
        Volumes["tier proposals"] = proposals.Count;
        Volumes["objections"] = graded.Count;
        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync(ct);
    }
}
