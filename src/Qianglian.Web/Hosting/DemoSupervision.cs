using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Demo postings and supervision data: the demo accounts get their units (the 西区 office and operator 区经济和信息化局,
/// the lead department 区科技局), the demo chain its chief and lead department, and the ledger a few problems at
/// different rungs. Demo data only; idempotent (accounts keep a unit once set, problems are added once by title).
/// </summary>
public sealed class DemoSupervision(AppDb dbs, TimeProvider clock)
{
    private static readonly (string User, string UnitKey)[] Postings =
    [
        ("xiqu.office", "xiqu.jxj"), ("xiqu.operator", "xiqu.jxj"), ("xiqu.lead", "xiqu.kjj"),
        ("dazhou.office", "dazhou.jxj"), ("dazhou.lead", "dazhou.jxj"),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var units = await db.Units.ToDictionaryAsync(u => u.Key, u => u.Id, ct);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, ct);
        foreach (var (name, key) in Postings)
            if (users.TryGetValue(name, out var account) && account.UnitId is null) account.UnitId = units[key];

        var chain = await db.Chains.FirstAsync(c => c.Name == DemoChain.Name, ct);
        if (chain.ChiefUserId is null && users.TryGetValue("xiqu.chief", out var chief))
            (chain.ChiefUserId, chain.LeadUnitId) = (chief.Id, units["xiqu.kjj"]);
        await db.SaveChangesAsync(ct);
        await EnsureProblemsAsync(db, chain, ct);
        await EnsureChainWorkAsync(db, chain, units, ct);
    }

    private async Task EnsureChainWorkAsync(AppDbContext db, Modules.Chains.Chain chain, Dictionary<string, Guid> units, CancellationToken ct)
    {
        if (await db.PromotionMeetings.AnyAsync(m => m.ChainId == chain.Id, ct)) return;
        var today = BusinessDate.Today(clock);
        db.FieldVisits.Add(new FieldVisit
        {
            JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, VisitedOn = today.AddDays(-20), Place = "西区钒钛产业园",
            Participants = "西区链长、区科技局、区经济和信息化局", Findings = "海绵钛二期扩产用地不足；选矿厂供电容量紧张。", RecordedBy = "演示数据",
        });
        var meeting = new PromotionMeeting
        {
            JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, HeldOn = today.AddDays(-10), Title = "钒钛新材料产业链推进会议",
            Agenda = "研究扩产用地、供电保障和技改融资", Attendees = "西区链长、区科技局、区经济和信息化局、区财政局", RecordedBy = "演示数据",
        };
        db.PromotionMeetings.Add(meeting);
        foreach (var (decision, unit, days) in new[] { ("协调海绵钛二期新增用地指标", "xiqu.zrzy", 30), ("落实技改项目贷款贴息", "xiqu.czj", -2), ("协调供电公司提前实施增容工程", "xiqu.jxj", 20) })
            db.AssignedMatters.Add(new AssignedMatter
            {
                JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, MeetingId = meeting.Id, Decision = decision, UnitId = units[unit],
                DueOn = today.AddDays(days), AssignedBy = "西区链长",
            });
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureProblemsAsync(AppDbContext db, Modules.Chains.Chain chain, CancellationToken ct)
    {
        if (await db.Problems.AnyAsync(p => p.ChainId == chain.Id && p.Source != ProblemSource.ProjectMonthlyReport, ct)) return;
        var settings = await SupervisionSettingsReader.ForPathAsync(db, chain.JurisdictionPath, ct);
        var firms = await db.Enterprises.Where(e => e.Uscc.StartsWith("915")).ToDictionaryAsync(e => e.Name, ct);
        var now = clock.GetUtcNow();

        Problem Add(string firm, ProblemCategory category, string title, string description, int daysAgo, ProblemSource source, string? reference = null)
        {
            var enterprise = firms[firm];
            var filed = now.AddDays(-daysAgo);
            var problem = new Problem
            {
                JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, ChainId = chain.Id, Category = category, Title = title,
                Description = description, Source = source, SourceReference = reference, FiledBy = "演示数据", FiledAt = filed,
                AssignedUnitId = settings?.LocalUnitIds.GetValueOrDefault(category.ToString()),
            };
            problem.FirstUnitId = problem.AssignedUnitId;
            ProblemLadder.PlaceAt(problem, EscalationLevel.Local, chain, settings, filed);
            db.Problems.Add(problem);
            ProblemLadder.Record(db, problem, ProblemStepKind.Filed, "演示数据", filed, reference);
            return problem;
        }

        Add("演示·西区钒钛新材料有限公司", ProblemCategory.Land, "扩产项目用地指标不足",
            "海绵钛二期扩产需新增工业用地约60亩，园区现有存量用地不足，请协调用地指标。", 3, ProblemSource.FieldVisit, "2025年二季度链长走访");
        var finance = Add("演示·西区绿色化工有限公司", ProblemCategory.Finance, "技改项目流动资金贷款审批慢",
            "钛白粉氯化法技改项目需流动资金贷款8000万元，合作银行审批已两个月未果。", 20, ProblemSource.EnterpriseSelfService);
        await ProblemLadder.EscalateAsync(db, finance, EscalationReason.Overdue, "在本级已7天，超过办理期限 (overdue at this level)", EscalateOverdueProblems.Actor, finance.FiledAt.AddDays(8), ct);
        await ProblemLadder.EscalateAsync(db, finance, EscalationReason.BeyondPowers, "涉及市级融资担保，区科技局无权协调", "西区牵头部门（区科技局）", finance.FiledAt.AddDays(10), ct);
        var power = Add("演示·西区钛精矿选矿有限公司", ProblemCategory.Power, "选矿厂双回路供电改造",
            "选矿厂二期需双回路供电，供电公司排期至明年，影响投产。", 30, ProblemSource.Meeting, "2025年第一季度产业链推进会议");
        (power.Status, power.Resolution, power.ResolvedAt, power.ResolvedUnitId) = (ProblemStatus.Closed, "协调供电公司调整排期，双回路已于本月接入。", power.FiledAt.AddDays(5), power.AssignedUnitId);
        (power.Rating, power.ClosedAt, power.ClosedOnTime) = (Satisfaction.Satisfied, power.FiledAt.AddDays(6), true);
        ProblemLadder.Record(db, power, ProblemStepKind.Resolved, "西区园区经办人", power.FiledAt.AddDays(5), power.Resolution);
        ProblemLadder.Record(db, power, ProblemStepKind.Confirmed, "演示企业", power.FiledAt.AddDays(6));
        await db.SaveChangesAsync(ct);
    }
}
