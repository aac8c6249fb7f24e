using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;
using static Qianglian.Web.Modules.Supervision.SupervisionLabels;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>The problem ledger as .xlsx (the caller's scope and filter), and the figures by unit and by chain.</summary>
public sealed class ExportProblems(AppDb dbs, CurrentUser user, ReadProblems reader)
{
    public async Task<byte[]> Ledger(ReadProblems.Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var rows = await reader.All(db, query, ct);
        return Workbooks.Rows("问题台账", rows.Select(r => new Dictionary<string, object?>
        {
            ["问题"] = r.Title, ["企业"] = r.Enterprise, ["产业链"] = r.Chain, ["类别"] = Of(r.Category), ["来源"] = Of(r.Source),
            ["状态"] = Of(r.Status), ["当前层级"] = Of(r.Level), ["办理单位/人"] = r.Handler,
            ["提出时间"] = TimeDisplay.Format(r.FiledAt), ["办理期限"] = TimeDisplay.Format(r.DueAt), ["逾期"] = r.Overdue ? "是" : "",
            ["满意度"] = r.Rating is { } s ? Of(s) : null,
        }));
    }

    public async Task<byte[]> Figures(Guid? jurisdictionId, CancellationToken ct)
    {
        var figures = await reader.Figures(jurisdictionId, ct);
        IEnumerable<IDictionary<string, object?>> Sheet(IEnumerable<FiguresRow> rows, string keyName) => rows.Select(r => new Dictionary<string, object?>
        {
            [keyName] = r.Name, ["问题数"] = r.Total, ["已办结"] = r.Closed, ["按期办结"] = r.ClosedOnTime, ["按期办结率"] = Percent(r.OnTimeRate),
            ["上报数"] = r.Escalated, ["上报率"] = Percent(r.EscalationRate), ["已评价"] = r.Rated, ["满意率"] = Percent(r.SatisfactionRate),
        });
        var sheets = new Dictionary<string, object>
        {
            ["按首办单位"] = Sheet([figures.All, .. figures.ByUnit], "首办单位").ToList(),
            ["按产业链"] = Sheet([figures.All, .. figures.ByChain], "产业链").ToList(),
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }
}
