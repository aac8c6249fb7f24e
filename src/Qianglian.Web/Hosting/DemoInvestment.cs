using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Core.Projects;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Investment;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Demo attraction data of 西区: the demo chain's park as host locality, enterprises of other Sichuan regions with
/// 2024 output (so the chain page can rank its gap nodes), a target list with one target pushed to the park and
/// one accepted there, leads at every stage — a major investor's package waiting for approval, a signed lead, one
/// converted last year with funds in place in both years (so the KPI page has figures). Idempotent by a lead's name.
/// </summary>
public sealed class DemoInvestment(AppDb dbs, TimeProvider clock)
{
    public const string ConvertedLead = "演示·钛合金精密铸件项目";
    public const string MajorLead = "演示·宝钛高端钛材基地项目";

    /// <summary>
    /// The six registry firms were stored by earlier demos under codes that fail GB 32100 (16 characters, with an I):
    /// an existing demo database gets the valid codes the demo now writes.
    /// </summary>
    public static async Task RepairCodesAsync(AppDbContext db, CancellationToken ct)
    {
        var broken = Enumerable.Range(1, 6).Select(n => $"9151000MA6DEMI{n:00}").ToList();
        foreach (var e in await db.Enterprises.Where(e => broken.Contains(e.Uscc)).ToListAsync(ct))
        {
            var code = await db.Jurisdictions.Where(j => j.Id == e.JurisdictionId).Select(j => j.Code).SingleAsync(ct);
            e.Uscc = DemoData.FullUscc($"91{code[..6]}MA6DEMT{int.Parse(e.Uscc[^2..]):00}");
        }
    }

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403", ct);
        if (await db.Set<Lead>().AnyAsync(l => l.JurisdictionId == xiqu.Id && l.Name == ConvertedLead, ct)) return;
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.JurisdictionId == xiqu.Id && c.Name == DemoChain.Name, ct);
        if (chain is null) return;
        var places = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, ct);
        var park = places["510403-YQ"];
        chain.HostJurisdictionIds = [park.Id];
        var nodes = await db.ChainNodes.Where(n => n.ChainId == chain.Id).ToDictionaryAsync(n => n.Name, ct);
        var today = BusinessDate.Today(clock);
        var now = clock.GetUtcNow();

        // The province's registry beyond 西区: output by industry in other regions, for location quotients.
        var n = 0;
        void Firm(string code, string name, string industry, decimal outputYi)
        {
            var e = new Enterprise { JurisdictionId = places[code].Id, Uscc = DemoData.FullUscc($"91{code[..6]}MA6DEMT{++n:00}"), Name = name, IndustryCode = industry };
            db.Enterprises.Add(e);
            db.EnterpriseFacts.Add(new EnterpriseYearFact { JurisdictionId = e.JurisdictionId, EnterpriseId = e.Id, Year = 2024, Revenue = outputYi * 100_000_000m, OutputValue = outputYi * 100_000_000m, Employees = 300 });
        }
        Firm("511700-GX", "演示·达州钛材加工有限公司", "3259", 6);
        Firm("511700-GX", "演示·达州智能装备有限公司", "3484", 9);
        Firm("511700-DB", "演示·达州化工颜料有限公司", "2643", 4);
        Firm("511700-DB", "演示·达州天然气化工有限公司", "2614", 12);
        Firm("510400", "演示·攀枝花钒制品有限公司", "3140", 8);
        Firm("510400", "演示·攀枝花电力有限公司", "4411", 15);

        TargetEnterprise Target(string node, string name, string location, TargetPurpose purpose, TargetSource source, TargetPriority priority) =>
            (TargetEnterprise)db.Add(new TargetEnterprise
            {
                JurisdictionId = xiqu.Id, ChainId = chain.Id, NodeId = nodes[node].Id, EnterpriseName = name, Location = location, IndustryCode = nodes[node].IndustryCode,
                Purpose = purpose, Source = source, Priority = priority,
            }).Entity;
        TargetPush Push(TargetEnterprise t, PushStatus status)
        {
            var push = new TargetPush { TargetId = t.Id, JurisdictionId = park.Id, ChainName = chain.Name, NodeName = nodes.Values.First(x => x.Id == t.NodeId).Name, Status = status, PushedBy = "xiqu.office", PushedAt = now };
            push.CopyFrom(t);
            if (status != PushStatus.Pending) (push.AnsweredBy, push.AnsweredAt) = ("xiqu.operator", now);
            db.Add(push);
            return push;
        }
        Target("钒渣", "攀钢集团钒钛资源股份有限公司", "四川攀枝花", TargetPurpose.Fill, TargetSource.GapAnalysis, TargetPriority.High);
        var paint = Target("涂料", "江苏常州涂料科技有限公司", "江苏常州", TargetPurpose.Extend, TargetSource.ChainAttraction, TargetPriority.High);
        var alloy = Target("钛合金材料", "宝钛集团有限公司", "陕西宝鸡", TargetPurpose.Extend, TargetSource.ByBusiness, TargetPriority.High);
        Target("海绵钛", "遵义钛业股份有限公司", "贵州遵义", TargetPurpose.Fill, TargetSource.LeaderSuppliers, TargetPriority.Medium);
        Push(paint, PushStatus.Pending);
        var accepted = Push(alloy, PushStatus.Accepted);

        Lead NewLead(string name, string investor, string location, string node, decimal investmentYi, LeadStage stage, DateOnly opened, bool major = false, Guid? push = null)
        {
            var lead = new Lead
            {
                JurisdictionId = xiqu.Id, Name = name, InvestorName = investor, InvestorLocation = location, ChainId = chain.Id, NodeId = nodes[node].Id, IndustryCode = nodes[node].IndustryCode,
                Purpose = ProjectPurpose.Extend, PlannedInvestment = investmentYi * 100_000_000m, Major = major, TaskForce = "西区招商专班", ResponsibleLeader = "区政府分管副区长",
                Stage = LeadStage.Lead, OpenedOn = opened, StageSince = opened, TargetPushId = push, Source = push is null ? TargetSource.ByBusiness : TargetSource.ChainAttraction,
            };
            db.Add(lead);
            db.Add(new LeadFollowUp { LeadId = lead.Id, JurisdictionId = xiqu.Id, On = opened, Note = "收集线索，初步联系投资方", By = "xiqu.operator", At = now });
            var day = opened;
            for (var s = LeadStage.Contact; s <= stage && s <= LeadStage.Signed; s++)
            {
                day = day.AddDays(20);
                db.Add(new LeadFollowUp { LeadId = lead.Id, JurisdictionId = xiqu.Id, On = day, From = s - 1, To = s, Note = $"{LeadPipeline.Name(s - 1)} → {LeadPipeline.Name(s)}", By = "xiqu.operator", At = now });
                (lead.Stage, lead.StageSince) = (s, day);
                if (s == LeadStage.Signed) lead.SignedOn = day;
            }
            return lead;
        }
        NewLead("演示·钒电池储能材料项目", "大连融科储能技术发展有限公司", "辽宁大连", "钒制品", 8, LeadStage.Contact, today.AddDays(-40));
        NewLead("演示·钛白粉后处理项目", "龙佰集团股份有限公司", "河南焦作", "钛白粉", 6, LeadStage.Visit, today.AddDays(-90));
        var major = NewLead(MajorLead, "宝钛集团有限公司", "陕西宝鸡", "钛合金材料", 25, LeadStage.Negotiation, today.AddDays(-100), major: true, push: accepted.Id);
        accepted.LeadId = major.Id;
        db.Add(new DealPackage
        {
            LeadId = major.Id, JurisdictionId = xiqu.Id, Status = DealStatus.Submitted, SubmittedBy = "xiqu.operator", SubmittedAt = now, EstimatedValue = 120_000_000m,
            Terms = "一、供地：标准地200亩，“拿地即开工”；\n二、要素：到户电价0.45元/千瓦时，能耗指标由区内统筹调剂；\n三、奖补：设备投资补助5%（上限5000万元），前三年地方贡献全额奖励；\n四、服务：成立项目专班，区领导包抓。",
        });
        NewLead("演示·检验检测设备项目", "苏州电器科学研究院股份有限公司", "江苏苏州", "检验检测", 1.2m, LeadStage.Signed, today.AddDays(-100));

        // Converted last year: an introduced manufacturing project with funds in place last year and this year.
        var lastYear = today.Year - 1;
        var converted = NewLead(ConvertedLead, "西部超导材料科技股份有限公司", "陕西西安", "钛合金材料", 4, LeadStage.Signed, new DateOnly(lastYear, 1, 5));
        var firm = await db.Enterprises.SingleAsync(e => e.Name == "演示·西区钒钛新材料有限公司", ct);
        var project = new Project
        {
            JurisdictionId = xiqu.Id, Name = ConvertedLead, EnterpriseId = firm.Id, ChainId = chain.Id, NodeId = nodes["钛合金材料"].Id, Purpose = ProjectPurpose.Extend,
            Kind = ProjectKind.New, Stage = ProjectStage.Signed, Flags = ProjectFlags.Introduced, IndustryCode = "3259", TotalInvestment = 400_000_000m,
            ListedOn = converted.SignedOn!.Value, SignedOn = converted.SignedOn, TaskForce = converted.TaskForce, ResponsibleLeader = converted.ResponsibleLeader,
        };
        db.Projects.Add(project);
        db.Add(new ProjectStageChange { From = ProjectStage.Reserve, To = ProjectStage.Signed, On = converted.SignedOn.Value, Note = $"由招商线索“{converted.Name}”转入", ChangedBy = "demo", ChangedAt = now }.For<ProjectStageChange>(project));
        (converted.Stage, converted.ProjectId, converted.ConvertedOn, converted.StageSince) = (LeadStage.Landed, project.Id, converted.SignedOn, converted.SignedOn.Value);
        var service = new Project
        {
            JurisdictionId = xiqu.Id, Name = "演示·钒钛交易结算中心项目", Kind = ProjectKind.New, Stage = ProjectStage.Signed, Flags = ProjectFlags.Introduced, IndustryCode = "5164",
            TotalInvestment = 600_000_000m, ListedOn = new DateOnly(lastYear, 4, 1), SignedOn = new DateOnly(lastYear, 4, 1),
        };
        db.Projects.Add(service);
        void Funds(int year, int month, decimal wan) => db.Add(new FundsInPlace { ProjectId = project.Id, JurisdictionId = xiqu.Id, Year = year, Month = month, Amount = wan * 10_000m });
        Funds(lastYear, 6, 3000);
        Funds(lastYear, 11, 5000);
        Funds(today.Year, 1, 4000);
        if (today.Month > 1) Funds(today.Year, today.Month, 5500);
        await db.SaveChangesAsync(ct);
    }
}
