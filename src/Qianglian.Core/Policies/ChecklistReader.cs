namespace Qianglian.Core.Policies;

/// <summary>
/// The application checklist of an attachment (附件：申报资料清单), typeset as a table: a line holding just the item
/// number, then the item's name. Whitespace the typesetting put inside names is removed.
/// </summary>
internal static class ChecklistReader
{
    public static IReadOnlyList<ChecklistItem> Read(string[] lines)
    {
        var start = Array.FindIndex(lines, l => DocumentText.Clean(l).EndsWith("清单", StringComparison.Ordinal) && DocumentText.Clean(l).Length <= 20);
        if (start < 0 || !lines.Take(start).Any(l => DocumentText.Clean(l).StartsWith("附件", StringComparison.Ordinal))) return [];
        var items = new List<ChecklistItem>();
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (!int.TryParse(DocumentText.Clean(lines[i]), out var number) || number != items.Count + 1) continue;
            var name = lines.Skip(i + 1).Select(DocumentText.Clean).FirstOrDefault(l => l.Length > 0);
            if (name is null) break;
            items.Add(new ChecklistItem(number, DocumentText.WithoutSpaces(name)));
        }
        return items;
    }
}
