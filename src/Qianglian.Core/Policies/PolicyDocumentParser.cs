namespace Qianglian.Core.Policies;

/// <summary>
/// Reads a policy document as text into its measures (措施 / 工作重点 / 任务), each with its responsibility clause,
/// plus the attachment's application checklist. The measure level is the heading level whose items carry the
/// most responsibility clauses (一、 for 西区, 攀枝花, 安康; （一） for 达州; 1. for 黔江, grouped by its 工程).
/// A higher-level item outside those sections that carries its own clause is a measure too (黔江 四、工作要求（一）–（三）,
/// each "（牵头单位：…，配合单位：…）"): the text gives it responsible units, so it is tasked like the others.
/// </summary>
public static class PolicyDocumentParser
{
    public static ParsedDocument Parse(string text)
    {
        var lines = DocumentText.Lines(text);
        if (lines.All(l => DocumentText.Clean(l).Length == 0))
            throw new PolicyParseException(1, "第 1 行：文件内容为空 (the document is empty)");
        var headings = Headings.Find(lines);
        var title = DocumentTitle.Find(lines, headings.Count > 0 ? headings[0].LineIndex : -1);
        var measureLevel = ChooseMeasureLevel(lines, headings);
        if (measureLevel is null)
            throw new PolicyParseException(1,
                "第 1 行起：未识别到任何措施条目，措施应以“一、”“（一）”或“1.”编号开头 (no measures recognised: measures start with 一、, （一） or 1.)");

        var measures = new List<ParsedMeasure>();
        var conventions = new ClauseConventions();
        var items = MeasureHeadings(lines, headings, measureLevel.Value).ToList();
        var withOwnClause = ItemsWithOwnClause(lines, headings, measureLevel.Value, items);
        foreach (var heading in items.Concat(withOwnClause).OrderBy(h => h.LineIndex))
        {
            var spanEnd = SpanEnd(headings, heading, lines.Length);
            var group = withOwnClause.Contains(heading) ? SectionTitle(headings, heading) : null;
            measures.Add(ReadMeasure(lines, headings, heading, spanEnd, measures.Count + 1, conventions, group));
        }
        return new ParsedDocument(title, measures, ChecklistReader.Read(lines));
    }

    private static int? ChooseMeasureLevel(string[] lines, List<Headings.Heading> headings)
    {
        var withClause = Enumerable.Range(1, 3).ToDictionary(level => level,
            level => headings.Where(h => h.Level == level).Count(h => HasClause(lines, headings, h)));
        var best = withClause.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).Select(kv => (int?)kv.Key).FirstOrDefault();
        if (best is not null) return best;
        // A document with no clauses at all: its top-level numbered items, if there are at least two.
        return Enumerable.Range(1, 3).Where(l => headings.Count(h => h.Level == l) >= 2).Select(l => (int?)l).FirstOrDefault();
    }

    private static bool HasClause(string[] lines, List<Headings.Heading> headings, Headings.Heading h) =>
        ResponsibilityClause.FindLast(DocumentText.Join(lines[h.LineIndex..SpanEnd(headings, h, lines.Length)])) is not null;

    /// <summary>Sub-level measures count only inside the sections whose items carry clauses (not 工作要求 etc.).</summary>
    private static IEnumerable<Headings.Heading> MeasureHeadings(string[] lines, List<Headings.Heading> headings, int level)
    {
        var items = headings.Where(h => h.Level == level).ToList();
        if (level == 1) return items;
        var sections = items.GroupBy(h => headings.LastOrDefault(p => p.Level == 1 && p.LineIndex < h.LineIndex)?.LineIndex ?? -1);
        return sections.Where(s => s.Any(h => HasClause(lines, headings, h))).SelectMany(s => s);
    }

    /// <summary>
    /// Items above the measure level that hold no measure yet end in a responsibility clause of their own (黔江 四（一）
    /// "…于每月1日前报送至领导小组办公室。（牵头单位：区经济信息委，配合单位：区级相关部门）"). Of nested candidates the innermost
    /// is the item: 四、工作要求 holds （一）–（三）, each with its clause, so the three are read, not the section.
    /// </summary>
    private static List<Headings.Heading> ItemsWithOwnClause(string[] lines, List<Headings.Heading> headings, int measureLevel, List<Headings.Heading> measures)
    {
        bool Holds(Headings.Heading outer, Headings.Heading inner) =>
            inner.LineIndex > outer.LineIndex && inner.LineIndex < SpanEnd(headings, outer, lines.Length);
        var candidates = headings.Where(h => h.Level < measureLevel && !measures.Any(m => Holds(h, m)) && HasClause(lines, headings, h)).ToList();
        return candidates.Where(c => !candidates.Any(inner => Holds(c, inner))).ToList();
    }

    /// <summary>The title of the top-level section an item lies in (黔江 四、工作要求 → 工作要求), if it is not itself one.</summary>
    private static string? SectionTitle(List<Headings.Heading> headings, Headings.Heading item) =>
        item.Level == 1 ? null : headings.LastOrDefault(p => p.Level == 1 && p.LineIndex < item.LineIndex) is { } section ? Title(section.Rest) : null;

    /// <summary>A heading's text runs to the next heading of the same or a higher level.</summary>
    private static int SpanEnd(List<Headings.Heading> headings, Headings.Heading h, int lineCount) =>
        headings.FirstOrDefault(n => n.LineIndex > h.LineIndex && n.Level <= h.Level)?.LineIndex ?? lineCount;

    private static ParsedMeasure ReadMeasure(string[] lines, List<Headings.Heading> headings, Headings.Heading heading, int spanEnd, int ordinal, ClauseConventions conventions, string? section)
    {
        var text = DocumentText.Join(new[] { heading.Rest }.Concat(lines[(heading.LineIndex + 1)..spanEnd]));
        var clause = ResponsibilityClause.FindLast(text);
        // Whatever follows the clause (a closing paragraph, an attachment) is not part of the measure.
        var content = clause is null ? text : text[..clause.Start];
        var responsibility = clause is null ? ProseResponsibility.Read(content) : ResponsibilityClause.Read(clause.Content, content, conventions);

        var (title, body) = SplitTitle(content, heading.Rest);
        var group = section ?? (heading.Level == 1 ? null
            : headings.LastOrDefault(g => g.Level == heading.Level - 1 && g.LineIndex < heading.LineIndex
                                          && headings.All(p => p.Level != 1 || p.LineIndex < g.LineIndex || p.LineIndex > heading.LineIndex)) is { } parent
                ? Title(parent.Rest) : null);
        return new ParsedMeasure(heading.NumberText, ordinal, group, title, body, responsibility, heading.LineIndex + 1);
    }

    /// <summary>"一、标题。正文…" → title before the first 。; a heading line without 。 is the title by itself.</summary>
    private static (string Title, string Body) SplitTitle(string content, string headingRest)
    {
        var restClean = DocumentText.Clean(headingRest);
        var stop = restClean.IndexOf('。');
        if (stop < 0)
        {
            var body = content.Length > restClean.Length && content.StartsWith(restClean, StringComparison.Ordinal) ? content[restClean.Length..] : "";
            return (restClean, body.Trim('\n'));
        }
        var titleEnd = content.IndexOf('。');
        return (content[..titleEnd].Trim(), content[(titleEnd + 1)..].Trim('\n'));
    }

    private static string Title(string rest)
    {
        var clean = DocumentText.Clean(rest);
        var stop = clean.IndexOf('。');
        return stop < 0 ? clean : clean[..stop];
    }
}
