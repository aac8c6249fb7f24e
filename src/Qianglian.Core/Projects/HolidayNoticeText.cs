using System.Globalization;
using System.Text.RegularExpressions;

namespace Qianglian.Core.Projects;

/// <summary>One numbered item of a notice (二、春节：…): its days off and the weekend days worked instead.</summary>
public sealed record HolidayClause(string Number, string Name, string Text, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> WorkingWeekends);

/// <summary>A year's holiday arrangement as a State Council notice (国务院办公厅关于X年部分节假日安排的通知) sets it, read from its text.</summary>
public sealed record HolidayArrangement(int Year, string Title, string? DocumentNumber, DateOnly? IssuedOn, IReadOnlyList<HolidayClause> Clauses)
{
    public IEnumerable<(DateOnly Date, bool Working, string Name)> Days =>
        Clauses.SelectMany(c => c.DaysOff.Select(d => (d, false, c.Name)).Concat(c.WorkingWeekends.Select(d => (d, true, c.Name))));
}

/// <summary>Why a notice's text could not be read: where (the clause, or "title") and what.</summary>
public sealed record NoticeProblem(string Where, string Message);

/// <summary>
/// Reads the text of a holiday notice as the State Council publishes it — title, 国办发明电 number, the numbered items
/// and the date signed — into its days. Each item says its days off ("2月15日（周日）至23日（周一）放假调休，共9天") and
/// the weekends worked ("2月14日（周六）、2月28日（周六）上班"); other sentences (鼓励…休息, 与周末连休) name no day of the
/// calendar. What the text says of itself is checked: each weekday it names (周四, 星期日) must be the date's, the day
/// count it gives (共9天, 放假1天) must be the days listed, and a day worked must be a weekend — so a mistyped date
/// is found rather than stored. Full-width and half-width punctuation both read.
/// </summary>
public static partial class HolidayNoticeText
{
    /// <summary>Reads a notice. <paramref name="year"/>, when given, is the year the caller expects (a text without a title takes it).</summary>
    public static (HolidayArrangement? Notice, IReadOnlyList<NoticeProblem> Problems) Parse(string text, int? year = null)
    {
        var problems = new List<NoticeProblem>();
        var lines = Normalise(text).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var title = lines.Select(l => TitleLine().Match(l)).FirstOrDefault(m => m.Success);
        var noticeYear = year ?? (title is null ? null : int.Parse(title.Groups["year"].Value, CultureInfo.InvariantCulture));
        if (noticeYear is not { } y)
            return (null, [new NoticeProblem("title", "未找到“关于X年部分节假日安排的通知”标题，无法确定年度 (no title naming the year)")]);
        if (title is not null && year is not null && int.Parse(title.Groups["year"].Value, CultureInfo.InvariantCulture) != year)
            problems.Add(new NoticeProblem("title", $"标题为{title.Groups["year"].Value}年的通知，与所录年度{year}不符 (the title names another year)"));
        var number = lines.Select(l => NumberLine().Match(l)).FirstOrDefault(m => m.Success)?.Value;
        var signed = lines.Select(l => SignedLine().Match(l)).LastOrDefault(m => m.Success);
        DateOnly? issuedOn = signed is null ? null : MakeDate(Int(signed, "y"), Int(signed, "m"), Int(signed, "d"));

        var clauses = new List<HolidayClause>();
        foreach (var line in lines)
        {
            var m = ClauseLine().Match(line);
            if (!m.Success) continue;
            var clause = ReadClause(m.Groups["number"].Value, m.Groups["name"].Value.Trim(), line, m.Groups["body"].Value, y, problems);
            if (clause is not null) clauses.Add(clause);
        }
        if (clauses.Count == 0 && problems.Count == 0)
            problems.Add(new NoticeProblem("text", "未找到“一、元旦：…”形式的放假安排条目 (no numbered holiday items found)"));

        var off = new Dictionary<DateOnly, string>();
        foreach (var c in clauses)
            foreach (var d in c.DaysOff)
                if (!off.TryAdd(d, c.Name)) problems.Add(new NoticeProblem(Label(c), $"{d:yyyy-MM-dd}已列入“{off[d]}” (a day listed twice)"));
        foreach (var c in clauses)
            foreach (var d in c.WorkingWeekends.Where(off.ContainsKey))
                problems.Add(new NoticeProblem(Label(c), $"{d:yyyy-MM-dd}既放假又上班 (a day both off and worked)"));

        var notice = new HolidayArrangement(y, title?.Value ?? $"国务院办公厅关于{y}年部分节假日安排的通知", number, issuedOn, clauses);
        return (problems.Count == 0 ? notice : null, problems);
    }

    /// <summary>
    /// A shipped notice file: header lines (“版本：1”, “来源：…”) down to a line "---", then the notice as published.
    /// A file without the line is all notice.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Header, string Body) SplitFile(string content)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var rule = Array.FindIndex(lines, l => l.Trim() == "---");
        if (rule < 0) return (new Dictionary<string, string>(), content);
        var header = new Dictionary<string, string>();
        foreach (var line in lines[..rule])
        {
            var at = line.IndexOfAny(['：', ':']);
            if (at > 0) header[line[..at].Trim()] = line[(at + 1)..].Trim();
        }
        return (header, string.Join('\n', lines[(rule + 1)..]));
    }

    private static string Label(HolidayClause c) => $"{c.Number}、{c.Name}";

    private static HolidayClause? ReadClause(string number, string name, string text, string body, int year, List<NoticeProblem> problems)
    {
        var where = $"{number}、{name}";
        var before = problems.Count;
        var off = new List<DateOnly>();
        var work = new List<DateOnly>();
        foreach (var sentence in body.Split('。').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var leave = sentence.IndexOf("放假", StringComparison.Ordinal);
            if (leave >= 0)
            {
                var dates = Dates(sentence[..leave], year, where, problems);
                if (dates.Count == 1) off.Add(dates[0]);
                else if (dates.Count == 2 && sentence[..leave].Contains('至'))
                {
                    if (dates[1] < dates[0]) problems.Add(new NoticeProblem(where, $"“{sentence}”的起止日期颠倒 (the range ends before it starts)"));
                    for (var d = dates[0]; d <= dates[1]; d = d.AddDays(1)) off.Add(d);
                }
                else problems.Add(new NoticeProblem(where, $"“{sentence}”应写明放假的一天或“某日至某日” (a day or a range before 放假)"));
                var stated = StatedDays().Match(sentence);
                if (stated.Success && dates.Count > 0 && int.Parse(stated.Groups["n"].Value, CultureInfo.InvariantCulture) != off.Count)
                    problems.Add(new NoticeProblem(where, $"“{sentence}”写明{stated.Groups["n"].Value}天，所列日期为{off.Count}天 (the stated count differs from the days listed)"));
            }
            else if (sentence.EndsWith("上班", StringComparison.Ordinal))
            {
                foreach (var d in Dates(sentence, year, where, problems))
                {
                    if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                        problems.Add(new NoticeProblem(where, $"{d:yyyy-MM-dd}是{Weekday(d)}，调休上班日应为周六或周日 (a make-up working day must be a weekend)"));
                    work.Add(d);
                }
            }
        }
        if (off.Count == 0 && problems.Count == before)
            problems.Add(new NoticeProblem(where, $"“{text}”未写明放假日期 (no days off)"));
        return problems.Count == before ? new HolidayClause(number, name, text, off, work) : null;
    }

    /// <summary>The dates written in a phrase, in order: a date without a year is the notice's, one without a month the previous date's month.</summary>
    private static List<DateOnly> Dates(string phrase, int year, string where, List<NoticeProblem> problems)
    {
        var found = new List<DateOnly>();
        int? month = null;
        var y = year;
        foreach (Match m in DateText().Matches(phrase))
        {
            if (m.Groups["y"].Success) y = Int(m, "y");
            if (m.Groups["m"].Success) month = Int(m, "m");
            if (month is not { } mo)
            {
                problems.Add(new NoticeProblem(where, $"“{m.Value}”未写明月份 (no month)"));
                continue;
            }
            if (MakeDate(y, mo, Int(m, "d")) is not { } date)
            {
                problems.Add(new NoticeProblem(where, $"{y}年{mo}月{m.Groups["d"].Value}日不是有效日期 (no such date)"));
                continue;
            }
            var named = WeekdayNote().Match(m.Groups["note"].Value);
            if (named.Success && WeekdayOf(named.Groups["w"].Value) != date.DayOfWeek)
                problems.Add(new NoticeProblem(where, $"{date:yyyy-MM-dd}标注为{named.Value}，实为{Weekday(date)} (the weekday named does not match the date)"));
            found.Add(date);
        }
        return found;
    }

    private static DateOnly? MakeDate(int y, int m, int d) =>
        m is >= 1 and <= 12 && y is >= 1 and <= 9999 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DayOfWeek WeekdayOf(string w) => w switch
    {
        "一" => DayOfWeek.Monday, "二" => DayOfWeek.Tuesday, "三" => DayOfWeek.Wednesday, "四" => DayOfWeek.Thursday,
        "五" => DayOfWeek.Friday, "六" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday,
    };

    public static string Weekday(DateOnly d) => "周" + "日一二三四五六"[(int)d.DayOfWeek];

    /// <summary>Half-width punctuation as the full-width the notices use; no spaces (a pasted text may carry them).</summary>
    private static string Normalise(string text) => text
        .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('(', '（').Replace(')', '）').Replace(':', '：').Replace(',', '，')
        .Replace('[', '〔').Replace(']', '〕').Replace("\u3000", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^\S*关于(?<year>\d{4})年部分节假日安排的通知$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^国办发明电〔\d{4}〕\d+号$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日$")]
    private static partial Regex SignedLine();

    [GeneratedRegex(@"^(?<number>[一二三四五六七八九十]+)、(?<name>[^：]+)：(?<body>.+)$")]
    private static partial Regex ClauseLine();

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?:(?<m>\d{1,2})月)?(?<d>\d{1,2})日(?:（(?<note>[^）]*)）)?")]
    private static partial Regex DateText();

    [GeneratedRegex(@"(?:周|星期)(?<w>[一二三四五六日天])")]
    private static partial Regex WeekdayNote();

    [GeneratedRegex(@"(?:共|放假)(?<n>\d+)天")]
    private static partial Regex StatedDays();
}
