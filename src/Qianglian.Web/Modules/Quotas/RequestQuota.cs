using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Quotas;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// A project asks its chain's pool for an element (西区 五: 用地指标保障、能耗指标分配 for the projects that land), with
/// its justification; filed by the county, park or department that keeps the project, and waiting for the chief.
/// A chain's pool serves the projects of the chain's own place and below.
/// </summary>
public sealed class RequestQuota(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(Guid? ChainId, Guid? ProjectId, int? Year, QuotaElement? Element, decimal? Amount, string? Justification);

    public async Task<Guid> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.RequestQuotas);
        await using var db = dbs.Open();
        var chain = await QuotaPools.ChainAsync(db, r.ChainId, "chainId", ct);
        var projectId = r.ProjectId ?? throw new ValidationException("projectId", "请选择项目 (the project is required)");
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException("projectId", "项目不存在 (project not found)");
        if (!project.JurisdictionPath.StartsWith(chain.JurisdictionPath, StringComparison.Ordinal))
            throw new ValidationException("projectId", "项目不在该产业链所在辖区内，不能使用其指标 (the project lies outside the chain's jurisdiction)");
        var (year, element) = QuotaPools.Key(r.Year, r.Element);
        var amount = QuotaPools.Amount(r.Amount);
        var request = new QuotaRequest
        {
            JurisdictionId = project.JurisdictionId, ChainId = chain.Id, ProjectId = project.Id, Year = year, Element = element, Requested = amount,
            Justification = Text.Required(r.Justification, "justification", "申请理由", 2000),
            RequestedBy = (await db.ActingCallerAsync(user.Name, ct)).Name, RequestedOn = BusinessDate.Today(clock), Status = QuotaRequestStatus.Pending,
        };
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }
}
