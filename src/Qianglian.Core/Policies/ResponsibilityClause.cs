using System.Text.RegularExpressions;

namespace Qianglian.Core.Policies;

/// <summary>
/// Finds and reads a measure's responsibility clause, in all the forms the seeds use:
/// 〔责任单位：A、B，C（逗号前为牵头单位，下同）〕, （牵头单位：A，配合单位：B）, （牵头单位：A，责任单位：B）,
/// 〔A、B按职责分工负责〕, 〔A牵头，B配合〕 and （责任单位：A、B、C）.
/// </summary>
internal static partial class ResponsibilityClause
{
    /// <summary>The rule a document declares once and applies to its later clauses ("下同").</summary>
    public const string LeadBeforeCommaRule = "逗号前为牵头单位";

    public sealed record Found(int Start, int End, string Content);

    /// <summary>责任单位：… / 牵头单位：…, "…按职责分工负责", or a list marking its own units "A牵头，B配合".</summary>
    [GeneratedRegex(@"^(责任单位|牵头单位)[：:]|按职责分工负责$|^[^（(：:]+牵头[，,].+配合$")]
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

    private const string Leads = "牵头";
    private const string Cooperates = "配合";

    /// <summary>
    /// Reads a clause's lead and cooperating units. The rules, in order: what the clause or the measure's text marks
    /// explicitly (牵头单位：/配合单位：, "X牵头"); then the convention the document has declared (逗号前为牵头单位); then
    /// （责任单位：A、B、C） and 〔A、B按职责分工负责〕 make every unit named responsible, all listed as lead.
    /// </summary>
    /// <param name="measureText">The measure's own text before the clause, where "X牵头" may name the lead (西区 十).</param>
    /// <param name="conventions">What earlier clauses declared for this one; this clause's declarations are added.</param>
    public static Responsibility Read(string content, string measureText, ClauseConventions conventions)
    {
        if (content.Contains(LeadBeforeCommaRule)) conventions.LeadBeforeComma = true;
        var body = WithoutRuleNote(content).TrimEnd('，', ',', '。');

        if (body.StartsWith("牵头单位", StringComparison.Ordinal))
        {
            body = body[5..];
            var label = CooperatingLabel().Match(body);
            var lead = label.Success ? body[..label.Index] : body;
            var cooperating = label.Success ? body[(label.Index + label.Length)..] : "";
            return Of(Units(lead, conventions), Units(cooperating, conventions), ResponsibilityForm.ExplicitLeadAndCooperating, content);
        }
        var shared = body.EndsWith("按职责分工负责", StringComparison.Ordinal);
        var list = shared ? body[..^"按职责分工负责".Length]
            : body.StartsWith("责任单位", StringComparison.Ordinal) ? body[5..] : body;
        var units = Units(list, conventions);

        // "〔区经信局牵头，区财政局配合〕": the clause marks its units itself.
        if (units.Any(u => u.EndsWith(Leads, StringComparison.Ordinal) && u.Length > Leads.Length))
        {
            var marked = units.Select(u => u.EndsWith(Leads, StringComparison.Ordinal) ? (Name: u[..^Leads.Length], Lead: true)
                : (Name: u.EndsWith(Cooperates, StringComparison.Ordinal) ? u[..^Cooperates.Length] : u, Lead: false)).ToList();
            return Of(marked.Where(u => u.Lead).Select(u => u.Name).ToList(), marked.Where(u => !u.Lead).Select(u => u.Name).ToList(),
                ResponsibilityForm.ExplicitLeadAndCooperating, content);
        }
        // 西区 十: "区经济和信息化局牵头会同区发展改革局、区财政局等相关部门开展初步会商" names the lead among the clause's
        // units; the others cooperate, whatever the document's comma convention would say.
        var namedLead = LeadsNamedIn(measureText, units);
        if (namedLead.Count > 0)
            return Of(namedLead, units.Except(namedLead).ToList(), ResponsibilityForm.LeadNamedInText, content);

        if (shared) return Of(units, [], ResponsibilityForm.SharedByDivision, content);
        if (!conventions.LeadBeforeComma) return Of(units, [], ResponsibilityForm.AllResponsible, content);
        var comma = TopLevelIndexOf(list, '，', ',');
        // Under the convention a list without a comma has no unit after it: every unit named leads (西区 五、六、七、8).
        return comma < 0
            ? Of(units, [], ResponsibilityForm.LeadBeforeComma, content)
            : Of(Units(list[..comma], conventions), Units(list[(comma + 1)..], conventions), ResponsibilityForm.LeadBeforeComma, content);
    }

    /// <summary>The clause's units the measure's text writes as "X牵头", by their canonical names (区经信局 = 区经济和信息化局).</summary>
    private static List<string> LeadsNamedIn(string measureText, IReadOnlyList<string> units)
    {
        var text = UnitNames.Canonical(measureText);
        return units.Where(u => text.Contains(UnitNames.Canonical(u) + Leads, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Each unit once; a unit both leading and cooperating leads.</summary>
    private static Responsibility Of(IReadOnlyList<string> lead, IReadOnlyList<string> cooperating, ResponsibilityForm form, string content)
    {
        var leads = lead.Distinct(StringComparer.Ordinal).ToList();
        return new Responsibility(leads, cooperating.Distinct(StringComparer.Ordinal).Except(leads, StringComparer.Ordinal).ToList(), form, content);
    }

    /// <summary>
    /// Splits a list of unit names on 、 and ， outside parentheses; drops notes such as （…下同）. A note "（含A、B…）" on a
    /// name adds A and B after it (they are part of what it names), and with "下同" after every later mention of the name.
    /// </summary>
    public static IReadOnlyList<string> Units(string list, ClauseConventions conventions)
    {
        var units = new List<string>();
        var current = new System.Text.StringBuilder();
        var included = new List<string>();
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
                if (IsNote(group))
                {
                    current.Length = groupStart;
                    if (IsInclusion(group)) included.AddRange(IncludedBy(group));
                    if (IsInclusion(group) && group.Contains("下同")) conventions.Include(Name(current.ToString()), IncludedBy(group));
                }
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
            var name = Name(current.ToString());
            if (name.Length > 0)
            {
                units.Add(name);
                units.AddRange(included.Count > 0 ? included : conventions.IncludedIn(name));
            }
            current.Clear();
            included.Clear();
        }
    }

    private static string Name(string raw) => DocumentText.WithoutSpaces(raw).Trim('，', '、', '。');

    private static bool IsInclusion(string group) => group.Length > 2 && group[1] == '含';

    /// <summary>"（含安康高新区、恒口示范区管委会，下同，不再列出）" → 安康高新区, 恒口示范区管委会.</summary>
    private static List<string> IncludedBy(string group)
    {
        var inner = group[2..^1];
        var end = inner.IndexOfAny(['，', ',', '；', ';']);
        return (end < 0 ? inner : inner[..end]).Split('、').Select(Name).Where(n => n.Length > 0).ToList();
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
