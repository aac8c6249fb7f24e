using System.Text;
using System.Text.RegularExpressions;

namespace Qianglian.Core.Policies;

/// <summary>Line-level clean-up shared by the parser's parts: word-processor artefacts, page numbers, wrapping.</summary>
internal static partial class DocumentText
{
    public static string[] Lines(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n')
            .Replace("[bookmark: _GoBack]", "")
            .Split('\n');

    /// <summary>Trims ASCII and full-width spaces and tabs.</summary>
    public static string Clean(string line) => line.Trim().Trim('\u3000', '\t', ' ', '\u00a0');

    [GeneratedRegex(@"^-\s*\d+\s*-$")]
    private static partial Regex PageNumber();

    public static bool IsPageNumber(string cleaned) => PageNumber().IsMatch(cleaned);

    private const string ParagraphEnd = "。；！？：”」）〕)";

    /// <summary>
    /// Joins lines back into paragraphs: a line that ends a sentence starts a new paragraph; any other line was
    /// wrapped (by the page or by a page break) and continues without a separator, as Chinese text needs none.
    /// </summary>
    public static string Join(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = Clean(raw);
            if (line.Length == 0 || IsPageNumber(line)) continue;
            if (text.Length > 0 && ParagraphEnd.Contains(text[^1])) text.Append('\n');
            text.Append(line);
        }
        return text.ToString();
    }

    /// <summary>Removes every kind of whitespace: used for unit names and checklist items split by typesetting.</summary>
    public static string WithoutSpaces(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u3000').ToArray());
}
