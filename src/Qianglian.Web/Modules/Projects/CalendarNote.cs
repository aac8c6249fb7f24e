namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// What a working-day figure says when it counted a year whose holiday arrangement is not entered: the year was counted
/// on weekends alone, so its holidays were taken for working days and its 调休 Saturdays for days off.
/// </summary>
public static class CalendarNote
{
    /// <summary>"（2027年节假日安排未录入，按周末计算）", or empty when every year was on the calendar.</summary>
    public static string Text(IReadOnlyList<int> missingYears) =>
        missingYears.Count == 0 ? "" : $"（{string.Join("、", missingYears.Select(y => $"{y}年"))}节假日安排未录入，按周末计算）";
}
