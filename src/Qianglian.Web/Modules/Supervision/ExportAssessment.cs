using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>The units' assessment as .xlsx, every score with its explanation, for the assessment office to hand on.</summary>
public sealed class ExportAssessment(ReadTasks reader)
{
    public async Task<byte[]> Handle(Guid? jurisdictionId, Guid? documentId, CancellationToken ct)
    {
        var scores = await reader.Assessment(jurisdictionId, documentId, ct);
        return Workbooks.Rows("单位考核", scores.Select(s => new Dictionary<string, object?>
        {
            ["排名"] = s.Rank, ["单位"] = s.Unit, ["任务数"] = s.Tasks, ["应报月报"] = s.ReportsOwed, ["按时报送"] = s.ReportsOnTime,
            ["到期任务"] = s.TasksDue, ["按期完成"] = s.TasksCompletedOnTime, ["绿灯"] = s.Green, ["黄灯"] = s.Yellow, ["红灯"] = s.Red, ["未评价任务"] = s.Unmarked,
            ["得分"] = s.Score is { } score ? score : "未考核", ["计算说明"] = s.Explanation,
        }));
    }
}
