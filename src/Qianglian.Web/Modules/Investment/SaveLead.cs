using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>Opens a lead (by hand, or from an accepted pushed target), edits its record and adds follow-up records.</summary>
public sealed class SaveLead(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record LeadFields(string Name, string InvestorName, decimal PlannedInvestment = 0, Guid? ChainId = null, Guid? NodeId = null,
        ProjectPurpose? Purpose = null, string? IndustryCode = null, TargetSource? Source = null, bool Major = false)
    {
        public string? InvestorUscc { get; init; }
        public string? InvestorLocation { get; init; }
        public string? TaskForce { get; init; }
        public string? ResponsibleLeader { get; init; }
        public string? Note { get; init; }
        /// <summary>线索日期; today when omitted.</summary>
        public DateOnly? OpenedOn { get; init; }
    }

    public sealed record CreateRequest(Guid JurisdictionId, LeadFields Lead);
    public sealed record UpdateRequest(LeadFields Lead, int Version);
    /// <summary>Opens the lead of an accepted pushed target, in the receiving locality, with the target's content.</summary>
    public sealed record FromPushRequest(Guid PushId, string Name, decimal PlannedInvestment, bool Major = false, string? TaskForce = null);
    public sealed record FollowUpRequest(DateOnly? On, string Note);

    public async Task<Guid> Create(CreateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var today = BusinessDate.Today(clock);
        var f = Normalise(r.Lead, today);
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == r.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        await CheckReferences(db, f, ct);
        await CheckUniqueName(db, r.JurisdictionId, f.Name, null, ct);
        var opened = f.OpenedOn ?? today;
        var lead = new Lead { JurisdictionId = r.JurisdictionId, OpenedOn = opened, StageSince = opened };
        Apply(lead, f);
        db.Add(lead);
        await db.SaveChangesAsync(ct);
        return lead.Id;
    }

    public async Task<Guid> FromPush(FromPushRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var today = BusinessDate.Today(clock);
        await using var db = dbs.Open();
        var push = await PushTarget.Find(db, r.PushId, ct);
        if (push.Status != PushStatus.Accepted)
            throw new ValidationException("pushId", "只有已接收的目标企业才能转为招商线索 (accept the target first)");
        if (push.LeadId is not null)
            throw new ValidationException("pushId", "该目标企业已建立招商线索 (a lead was already opened from it)");
        var f = Normalise(new LeadFields(r.Name, push.EnterpriseName, r.PlannedInvestment, push.ChainId, push.NodeId,
            push.Purpose == TargetPurpose.Extend ? ProjectPurpose.Extend : ProjectPurpose.Fill, push.IndustryCode, push.Source, r.Major)
        {
            InvestorUscc = push.Uscc, InvestorLocation = push.Location, TaskForce = r.TaskForce, Note = push.Note,
        }, today);
        await CheckUniqueName(db, push.JurisdictionId, f.Name, null, ct);
        // The chain may be kept above the locality (a city chain pushed to a county): it came with the push, so it is not re-checked against the locality's view.
        var lead = new Lead { JurisdictionId = push.JurisdictionId, OpenedOn = today, StageSince = today, TargetPushId = push.Id };
        Apply(lead, f);
        db.Add(lead);
        push.LeadId = lead.Id;
        await db.SaveChangesAsync(ct);
        return lead.Id;
    }

    public async Task Update(Guid id, UpdateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var f = Normalise(r.Lead, BusinessDate.Today(clock));
        await using var db = dbs.Open();
        var lead = await Find(db, id, ct);
        if (lead.Stage is LeadStage.Landed or LeadStage.Dropped)
            throw new ValidationException("lead", $"线索已{LeadPipeline.Name(lead.Stage)}，不能再修改 (the lead is closed)");
        if (f.ChainId != lead.ChainId || f.NodeId != lead.NodeId) await CheckReferences(db, f, ct);
        await CheckUniqueName(db, lead.JurisdictionId, f.Name, id, ct);
        db.ExpectVersion(lead, r.Version);
        Apply(lead, f);
        if (f.OpenedOn is { } opened && lead.Stage == LeadStage.Lead) (lead.OpenedOn, lead.StageSince) = (opened, opened);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AddFollowUp(Guid leadId, FollowUpRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var today = BusinessDate.Today(clock);
        var on = r.On ?? today;
        if (string.IsNullOrWhiteSpace(r.Note)) throw new ValidationException("note", "跟进情况不能为空 (the note is required)");
        if (on > today) throw new ValidationException("on", $"日期{on:yyyy-MM-dd}不能晚于今天 (the date must not be in the future)");
        await using var db = dbs.Open();
        var lead = await Find(db, leadId, ct);
        if (on < lead.OpenedOn) throw new ValidationException("on", $"日期{on:yyyy-MM-dd}早于线索日期{lead.OpenedOn:yyyy-MM-dd} (before the lead was opened)");
        var row = new LeadFollowUp { LeadId = lead.Id, JurisdictionId = lead.JurisdictionId, On = on, Note = r.Note.Trim(), By = user.Name, At = clock.GetUtcNow() };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    internal static async Task<Lead> Find(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Lead>().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("lead", "招商线索不存在 (lead not found)");

    internal static LeadFields Normalise(LeadFields f, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool bad, string field, string message) { if (bad) errors[field] = [message]; }
        var name = f.Name?.Trim() ?? "";
        var investor = f.InvestorName?.Trim() ?? "";
        Check(name.Length == 0, "name", "项目名称不能为空 (name is required)");
        Check(name.Length > 200, "name", "项目名称不能超过200字 (name too long)");
        Check(investor.Length == 0, "investorName", "投资方不能为空 (the investor is required)");
        Check(investor.Length > 200, "investorName", "投资方名称不能超过200字 (name too long)");
        Check(f.PlannedInvestment < 0, "plannedInvestment", "计划投资不能为负数 (must not be negative)");
        Check(f.NodeId is not null && f.ChainId is null, "nodeId", "选择环节前须先选择产业链 (a node needs its chain)");
        Check(f.OpenedOn > today, "openedOn", "线索日期不能晚于今天 (the date must not be in the future)");
        var uscc = string.IsNullOrWhiteSpace(f.InvestorUscc) ? null : EnterpriseRules.NormaliseUscc(f.InvestorUscc);
        if (uscc is not null && EnterpriseRules.Uscc(uscc) is { } usccError) Check(true, "investorUscc", usccError);
        if (EnterpriseRules.Industry(f.IndustryCode) is { } industryError) Check(true, "industryCode", industryError);
        if (errors.Count > 0) throw new ValidationException(errors);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return f with
        {
            Name = name, InvestorName = investor, InvestorUscc = uscc, InvestorLocation = Clean(f.InvestorLocation), IndustryCode = EnterpriseRules.NormaliseIndustry(f.IndustryCode),
            TaskForce = Clean(f.TaskForce), ResponsibleLeader = Clean(f.ResponsibleLeader), Note = Clean(f.Note),
        };
    }

    /// <summary>The chain and node must be ones the caller sees: 404 on the field otherwise, before anything is stored.</summary>
    private static async Task CheckReferences(AppDbContext db, LeadFields f, CancellationToken ct)
    {
        await db.RequireVisibleAsync<Chain>(f.ChainId, "chainId", "产业链不存在 (chainId: chain not found)", ct);
        if (f.NodeId is { } n)
        {
            await db.RequireVisibleAsync<ChainNode>(n, "nodeId", "环节不存在 (nodeId: node not found)", ct);
            if (!await db.ChainNodes.AnyAsync(x => x.Id == n && x.ChainId == f.ChainId, ct))
                throw new ValidationException("nodeId", "该环节不属于所选产业链 (the node is not of this chain)");
        }
    }

    /// <summary>A lead's name is unique within its jurisdiction, whoever can see the other lead.</summary>
    private static async Task CheckUniqueName(AppDbContext db, Guid jurisdictionId, string name, Guid? except, CancellationToken ct)
    {
        if (await db.IsTakenAsync<Lead>(l => l.JurisdictionId == jurisdictionId && l.Name == name && l.Id != except, ct))
            throw new ValidationException("name", $"本辖区已有招商线索“{name}” (a lead of this name exists)");
    }

    private static void Apply(Lead l, LeadFields f)
    {
        (l.Name, l.InvestorName, l.InvestorUscc, l.InvestorLocation, l.PlannedInvestment) = (f.Name, f.InvestorName, f.InvestorUscc, f.InvestorLocation, f.PlannedInvestment);
        (l.ChainId, l.NodeId, l.Purpose, l.IndustryCode, l.Source, l.Major) = (f.ChainId, f.NodeId, f.Purpose, f.IndustryCode, f.Source, f.Major);
        (l.TaskForce, l.ResponsibleLeader, l.Note) = (f.TaskForce, f.ResponsibleLeader, f.Note);
    }
}
