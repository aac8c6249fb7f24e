using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// Turns a signed lead into a project of the key-project library, with nothing retyped: name, investor's local
/// enterprise, chain and node, purpose, industry, planned investment, task force and leader carry over; the project
/// starts at 签约 on the lead's signing date, marked 招商引进 (and 重大带动引领 for a major investor). The lead lands
/// (落地) and keeps the project's id — so it converts once only — all in one save.
/// </summary>
public sealed class ConvertLead(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="EnterpriseId">The registered enterprise that carries the project (the investor's local company); by default the one registered under the investor's USCC.</param>
    public sealed record Request(Guid? EnterpriseId, int Version);

    public async Task<Guid> Handle(Guid leadId, Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        user.Require(Permission.ManageProjects);
        var today = BusinessDate.Today(clock);
        await using var db = dbs.Open();
        var lead = await SaveLead.Find(db, leadId, ct);
        var refusals = LeadPipeline.CheckConversion(lead.Stage, lead.ProjectId);
        if (refusals.Count > 0) throw new ValidationException(refusals[0].Field, refusals[0].Message);
        var enterpriseId = r.EnterpriseId
            ?? (lead.InvestorUscc is { } uscc ? await db.Enterprises.Where(e => e.Uscc == uscc).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct) : null)
            ?? throw new ValidationException("enterpriseId", "请选择承接项目的企业（投资方在本地登记的公司须已在企业名录中） (choose the registered enterprise that carries the project)");
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new ValidationException("enterpriseId", "项目单位不在企业名录中 (enterprise not found)");

        var fields = SaveProject.Normalise(new SaveProject.ProjectFields(lead.Name, enterpriseId, lead.ChainId, lead.NodeId, lead.Purpose, ProjectKind.New,
            ProjectFlags.Introduced | (lead.Major ? ProjectFlags.MajorLeading : ProjectFlags.None), lead.PlannedInvestment, Description: lead.Note)
        {
            IndustryCode = lead.IndustryCode, TaskForce = lead.TaskForce, ResponsibleLeader = lead.ResponsibleLeader,
        });
        await SaveProject.CheckUniqueName(db, lead.JurisdictionId, fields.Name, null, ct);
        db.ExpectVersion(lead, r.Version);

        var signed = lead.SignedOn ?? today;
        var project = new Project { JurisdictionId = lead.JurisdictionId, ListedOn = signed, Stage = ProjectStage.Signed, SignedOn = signed };
        SaveProject.Apply(project, fields);
        db.Add(project);
        db.Add(new ProjectStageChange
        {
            From = ProjectStage.Reserve, To = ProjectStage.Signed, On = signed, Note = $"由招商线索“{lead.Name}”转入", ChangedBy = user.Name, ChangedAt = clock.GetUtcNow(),
        }.For<ProjectStageChange>(project));
        (lead.Stage, lead.StageSince, lead.ProjectId, lead.ConvertedOn) = (LeadStage.Landed, today, project.Id, today);
        db.Add(new LeadFollowUp
        {
            LeadId = lead.Id, JurisdictionId = lead.JurisdictionId, On = today, From = LeadStage.Signed, To = LeadStage.Landed, By = user.Name, At = clock.GetUtcNow(),
            Note = $"转为重点项目“{project.Name}”",
        });
        await db.SaveChangesAsync(ct);
        return project.Id;
    }
}
