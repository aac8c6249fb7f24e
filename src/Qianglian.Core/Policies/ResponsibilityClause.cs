using System.Text.RegularExpressions;

namespace Qianglian.Core.Policies;

/// <summary>
/// Finds and reads a measure's responsibility clause, in all the forms the seeds use:
/// 〔责任单位：A、B，C（逗号前为牵头单位，下同）〕, （牵头单位：A，配合单位：B）, （牵头单位：A，责任单位：B）,
/// 〔A、B按职责分工负责〕 and （责任单位：A、B、C）.
/// </summary>
internal static partial class ResponsibilityClause
{
    /// <summary>The rule a document declares once and applies to its later clauses ("下同").</summary>
    public const string LeadBeforeCommaRule = "逗号前为牵头单位";

    public sealed record Found(int Start, int End, string Content);

    [GeneratedRegex(@"^(责任单位|牵头单位)[：:]|按职责分工负责$")]
    private static partial Regex ClauseContent();

    /// <summary>The last clause in the text: 〔…〕 or a parenthesis starting with 责任单位/牵头单位.</summary>
    public static Found? FindLast(string text)
    {
        for (var start = text.Length - 1; start >= 0; start--)
        {
            var open = text[start];
            if (open is not ('〔' or '（' or '(')) continue;
            var end = open == '〔' ? text.IndexOf('〕', start + 1) : MatchingParenthesis(text, start);
            if (end < 0) end = text.Length; // a clause cut off at the end of the text
            var content = DocumentText.WithoutSpaces(text[(start + 1)..Math.Min(end, text.Length)]);
            if (ClauseContent().IsMatch(WithoutRuleNote(content).Trim('，', ',')))
                return new Found(start, Math.Min(end + 1, text.Length), content);
        }
        return null;
    }

    private static int MatchingParenthesis(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '（' or '(') depth++;
            else if (text[i] is '）' or ')' && --depth == 0) return i;
        }
        return -1;
    }

    [GeneratedRegex(@"[（(]逗号前为牵头单位[^）)]*[）)]")]
    private static partial Regex RuleNote();

    private static string WithoutRuleNote(string content) => RuleNote().Replace(content, "");

    [GeneratedRegex(@"[，,；;](配合单位|责任单位|协办单位)[：:]")]
    private static partial Regex CooperatingLabel();

    /// <param name="leadBeforeComma">Whether the document has declared the comma rule in an earlier clause.</param>
    public static Responsibility Read(string content, ref bool leadBeforeComma)
    {
        if (content.Contains(LeadBeforeCommaRule)) leadBeforeComma = true;
        var body = WithoutRuleNote(content).TrimEnd('，', ',', '。');

        if (body.StartsWith("牵头单位", StringComparison.Ordinal))
        {
            body = body[5..];
            var label = CooperatingLabel().Match(body);
            var lead = label.Success ? body[..label.Index] : body;
            var cooperating = label.Success ? body[(label.Index + label.Length)..] : "";
            return new Responsibility(Units(lead), Units(cooperating), ResponsibilityForm.ExplicitLeadAndCooperating, content);
        }
        if (body.EndsWith("按职责分工负责", StringComparison.Ordinal))
            return new Responsibility(Units(body[..^"按职责分工负责".Length]), [], ResponsibilityForm.SharedByDivision, content);
        if (body.StartsWith("责任单位", StringComparison.Ordinal)) body = body[5..];
        if (!leadBeforeComma)
            return new Responsibility(Units(body), [], ResponsibilityForm.AllResponsible, content);
        var comma = TopLevelIndexOf(body, '，', ',');
        if (comma >= 0)
            return new Responsibility(Units(body[..comma]), Units(body[(comma + 1)..]), ResponsibilityForm.LeadBeforeComma, content);
        // No comma in the clause: the usual convention of such lists applies — the first unit named leads
        // (西区 六 "区经济和信息化局、区财政局": 区经信局 leads, 区财政局 cooperates).
        var units = Units(body);
        return new Responsibility(units.Take(1).ToList(), units.Skip(1).ToList(), ResponsibilityForm.LeadBeforeComma, content);
    }

    /// <summary>Splits a list of unit names on 、 and ， outside parentheses; drops notes such as （含…，下同）.</summary>
    public static IReadOnlyList<string> Units(string list)
    {
        var units = new List<string>();
        var current = new System.Text.StringBuilder();
        var depth = 0;
        var groupStart = -1;
        foreach (var c in list)
        {
            if (c is '（' or '(')
            {
                if (depth++ == 0) groupStart = current.Length;
            }
            else if (c is '）' or ')' && depth > 0 && --depth == 0)
            {
                current.Append(c);
                var group = current.ToString(groupStart, current.Length - groupStart);
                if (IsNote(group)) current.Length = groupStart;
                continue;
            }
            if (depth == 0 && c is '、' or '，' or ',' or '；' or ';')
            {
                Flush();
                continue;
            }
            current.Append(c);
        }
        Flush();
        return units;

        void Flush()
        {
            var name = DocumentText.WithoutSpaces(current.ToString()).Trim('，', '、', '。');
            if (name.Length > 0) units.Add(name);
            current.Clear();
        }
    }

    /// <summary>A parenthesis that comments on the list rather than naming part of a unit: （含…）, （…下同…）.</summary>
    private static bool IsNote(string group) =>
        group.Length > 2 && (group[1] == '含' || group.Contains("下同") || group.Contains(LeadBeforeCommaRule));

    private static int TopLevelIndexOf(string text, params char[] separators)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '（' or '(') depth++;
            else if (text[i] is '）' or ')') depth--;
            else if (depth == 0 && separators.Contains(text[i])) return i;
        }
        return -1;
    }
}
