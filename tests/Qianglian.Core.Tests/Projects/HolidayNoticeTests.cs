using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

/// <summary>
/// The State Council's holiday notices shipped in packs/national/holidays/ read to exactly the days each notice sets
/// (written out here from the notice's items), the text's own checks (weekdays, day counts, weekends worked) refuse a
/// mistyped date, and a calendar built from a notice counts working days as the notice says.
/// </summary>
public class HolidayNoticeTests
{
    private static string Shipped(int year)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Qianglian.sln")))
                return File.ReadAllText(Path.Combine(dir.FullName, "packs", "national", "holidays", $"{year}.txt"));
        throw new InvalidOperationException("repository root not found");
    }

    private static HolidayArrangement Read(int year)
    {
        var (header, body) = HolidayNoticeText.SplitFile(Shipped(year));
        Assert.Equal("1", header["版本"]);
        Assert.False(string.IsNullOrWhiteSpace(header["来源"]));
        var (notice, problems) = HolidayNoticeText.Parse(body);
        Assert.Empty(problems);
        return notice!;
    }

    private static IEnumerable<DateOnly> Span(int year, int month, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(d => new DateOnly(year, month, d));

    private static void AssertDays(HolidayArrangement notice, IEnumerable<DateOnly> off, IEnumerable<DateOnly> work)
    {
        Assert.Equal(off.Order(), notice.Days.Where(d => !d.Working).Select(d => d.Date).Order());
        Assert.Equal(work.Order(), notice.Days.Where(d => d.Working).Select(d => d.Date).Order());
    }

    [Fact]
    public void The_2026_notice_reads_to_the_days_it_sets()
    {
        var n = Read(2026);
        Assert.Equal((2026, "国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2025〕7号", new DateOnly(2025, 11, 4)),
            (n.Year, n.Title, n.DocumentNumber, n.IssuedOn));
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"], n.Clauses.Select(c => c.Name));
        AssertDays(n,
            // 一、元旦：1月1日（周四）至3日（周六）… 二、春节：2月15日…至23日… 三、清明节：4月4日…至6日… 四、劳动节：5月1日…至5日…
            // 五、端午节：6月19日…至21日… 六、中秋节：9月25日…至27日… 七、国庆节：10月1日…至7日…
            [.. Span(2026, 1, 1, 3), .. Span(2026, 2, 15, 23), .. Span(2026, 4, 4, 6), .. Span(2026, 5, 1, 5), .. Span(2026, 6, 19, 21),
                .. Span(2026, 9, 25, 27), .. Span(2026, 10, 1, 7)],
            // 1月4日（周日）、2月14日（周六）、2月28日（周六）、5月9日（周六）、9月20日（周日）、10月10日（周六）上班
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)]);
        Assert.Equal([new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)], n.Clauses.Single(c => c.Name == "国庆节").WorkingWeekends);
    }

    [Fact]
    public void The_2025_notice_reads_to_the_days_it_sets()
    {
        var n = Read(2025);
        Assert.Equal((2025, "国办发明电〔2024〕12号", new DateOnly(2024, 11, 12)), (n.Year, n.DocumentNumber, n.IssuedOn));
        AssertDays(n,
            // 元旦 1月1日放假1天；春节 1月28日至2月4日；清明 4月4日至6日；劳动节 5月1日至5日；端午 5月31日至6月2日；国庆、中秋 10月1日至8日
            [new(2025, 1, 1), .. Span(2025, 1, 28, 31), .. Span(2025, 2, 1, 4), .. Span(2025, 4, 4, 6), .. Span(2025, 5, 1, 5),
                new(2025, 5, 31), .. Span(2025, 6, 1, 2), .. Span(2025, 10, 1, 8)],
            // 1月26日（周日）、2月8日（周六）、4月27日（周日）、9月28日（周日）、10月11日（周六）上班
            [new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11)]);
        Assert.Equal("国庆节、中秋节", n.Clauses[^1].Name);
    }

    [Fact]
    public void The_2024_notice_reads_to_the_days_it_sets()
    {
        var n = Read(2024);
        Assert.Equal((2024, "国办发明电〔2023〕7号", new DateOnly(2023, 10, 25)), (n.Year, n.DocumentNumber, n.IssuedOn));
        AssertDays(n,
            // 元旦 1月1日；春节 2月10日至17日；清明 4月4日至6日；劳动节 5月1日至5日；端午 6月10日；中秋 9月15日至17日；国庆 10月1日至7日
            [new(2024, 1, 1), .. Span(2024, 2, 10, 17), .. Span(2024, 4, 4, 6), .. Span(2024, 5, 1, 5), new(2024, 6, 10),
                .. Span(2024, 9, 15, 17), .. Span(2024, 10, 1, 7)],
            [new(2024, 2, 4), new(2024, 2, 18), new(2024, 4, 7), new(2024, 4, 28), new(2024, 5, 11), new(2024, 9, 14), new(2024, 9, 29), new(2024, 10, 12)]);
    }

    private static HolidayCalendar CalendarOf(params HolidayArrangement[] notices) => new(
        notices.SelectMany(n => n.Days).Where(d => !d.Working).Select(d => d.Date),
        notices.SelectMany(n => n.Days).Where(d => d.Working).Select(d => d.Date),
        notices.Select(n => n.Year));

    [Fact]
    public void A_calendar_built_from_the_notices_counts_working_days_as_they_say()
    {
        var calendar = CalendarOf(Read(2024), Read(2025), Read(2026));
        // 2026 七、国庆节：10月1日至7日放假调休 — a Monday within it is not worked; 10月10日（周六）上班 is.
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 9, 20)));
        // 2024 二、春节: 除夕（2月9日）is only "encouraged" as a day of rest — a working day on the calendar.
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 2, 9)));
        // 2025 六、国庆节、中秋节：10月1日（周三）至8日（周三）.
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 8)));
        // From Wed 30 Sep 2026: 10-01..10-07 off, Thu 8, Fri 9, Sat 10 (调休), Mon 12 → the 4th working day.
        Assert.Equal(new DateOnly(2026, 10, 12), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 4));
        // Weekends only would have made it Tue 6 October, inside the holiday.
        Assert.Equal(new DateOnly(2026, 10, 6), HolidayCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 9, 30), 4));
    }

    [Fact]
    public void A_span_into_a_year_without_a_notice_names_that_year()
    {
        var calendar = CalendarOf(Read(2026));
        Assert.Empty(calendar.YearsWithoutCalendar(new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31)));
        // The first day is not counted: from 31 December 2025 the span is 2026 alone.
        Assert.Empty(calendar.YearsWithoutCalendar(new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 10)));
        Assert.Equal([2025], calendar.YearsWithoutCalendar(new DateOnly(2025, 12, 30), new DateOnly(2026, 1, 10)));
        Assert.Equal([2027, 2028], calendar.YearsWithoutCalendar(new DateOnly(2026, 12, 20), new DateOnly(2028, 1, 3)));
        Assert.Empty(calendar.YearsWithoutCalendar(new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 5)));
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.Covers(2027));
        Assert.Equal([2026], HolidayCalendar.WeekendsOnly.YearsWithoutCalendar(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 8)));
    }

    [Fact]
    public void Approval_figures_name_the_years_counted_without_a_calendar()
    {
        var calendar = CalendarOf(Read(2026));
        ApprovalRecord[] open = [new(ApprovalKind.Land, ApprovalStatus.InProgress, new DateOnly(2026, 12, 1), null, null)];
        Assert.Equal([2027], ApprovalRules.Assess(open, calendar, 70, new DateOnly(2027, 2, 1)).CalendarMissingYears);
        Assert.Empty(ApprovalRules.Assess(open, calendar, 70, new DateOnly(2026, 12, 31)).CalendarMissingYears);
        Assert.Empty(ApprovalRules.Assess([], calendar, 70, new DateOnly(2027, 2, 1)).CalendarMissingYears);
    }

    [Fact]
    public void A_text_pasted_with_half_width_punctuation_and_no_title_reads_for_the_year_given()
    {
        var (notice, problems) = HolidayNoticeText.Parse("一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。\n七、国庆节: 10月1日(周四)至7日(周三)放假调休,共7天。", 2026);
        Assert.Empty(problems);
        Assert.Equal(10, notice!.Days.Count(d => !d.Working));
        Assert.Equal("国务院办公厅关于2026年部分节假日安排的通知", notice.Title);
        Assert.Null(notice.DocumentNumber);
    }

    [Theory]
    // A weekday that is not the date's (1 October 2026 is a Thursday).
    [InlineData("七、国庆节：10月1日（周五）至7日（周三）放假调休，共7天。", "实为周四")]
    [InlineData("七、国庆节：10月1日（周四）至7日（周三）放假调休，共8天。", "写明8天")]
    // 9 October 2026 is a Friday: already a working day.
    [InlineData("七、国庆节：10月1日至7日放假调休，共7天。10月9日上班。", "应为周六或周日")]
    [InlineData("七、国庆节：10月7日至1日放假。", "颠倒")]
    [InlineData("二、春节：2月30日放假。", "不是有效日期")]
    [InlineData("七、国庆节：国庆节期间照常工作。", "未写明放假日期")]
    [InlineData("一、元旦：1月1日至3日放假。1月3日（周六）上班。", "既放假又上班")]
    [InlineData("通知如下：元旦放假。", "未找到")]
    public void A_mistyped_notice_is_refused_with_the_clause(string text, string expected)
    {
        var (notice, problems) = HolidayNoticeText.Parse(text, 2026);
        Assert.Null(notice);
        Assert.Contains(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_of_another_year_is_refused()
    {
        var (notice, problems) = HolidayNoticeText.Parse(Shipped(2025).Split("---")[1], 2026);
        Assert.Null(notice);
        Assert.Contains(problems, p => p.Where == "title" && p.Message.Contains("2025年", StringComparison.Ordinal));
    }
}
