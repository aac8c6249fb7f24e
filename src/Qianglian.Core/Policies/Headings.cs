using System.Text.RegularExpressions;

namespace Qianglian.Core.Policies;

/// <summary>
/// The numbered headings of a document at three levels: 一、 (or 8、) · （一） · 1. — each accepted only when its
/// number follows the previous one within its parent, so a stray "5、" in running text is not taken for a heading.
/// </summary>
internal static partial class Headings
{
    public sealed record Heading(int Level, int LineIndex, string NumberText, int Number, string Rest);

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3}|\d{1,2})、\s*(?<rest>.*)$")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^(?<n>[（(][一二三四五六七八九十]{1,3}[）)])\s*(?<rest>.*)$")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^(?<n>\d{1,2})[.．](?!\d)\s*(?<rest>.*)$")]
    private static partial Regex Level3();

    public static List<Heading> Find(string[] lines)
    {
        var headings = new List<Heading>();
        var last = new int[4];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = DocumentText.Clean(lines[i]);
            var heading = Match(line, i);
            // Numbers rise by one; skipping one is allowed (黔江 leaves its 总体目标 section unnumbered).
            if (heading is null || heading.Number <= last[heading.Level] || heading.Number > last[heading.Level] + 2) continue;
            last[heading.Level] = heading.Number;
            if (heading.Level == 1) last[2] = last[3] = 0; // sub-numbering restarts under each section
            headings.Add(heading);
        }
        return headings;
    }

    private static Heading? Match(string line, int index)
    {
        foreach (var (level, regex) in new[] { (1, Level1()), (2, Level2()), (3, Level3()) })
        {
            var m = regex.Match(line);
            if (!m.Success || m.Groups["rest"].Value.Length == 0) continue;
            var numberText = m.Groups["n"].Value;
            var number = ChineseNumber.Parse(numberText.Trim('（', '）', '(', ')'));
            if (number is > 0) return new Heading(level, index, numberText, number.Value, m.Groups["rest"].Value);
        }
        return null;
    }
}
