using System.Text.RegularExpressions;
using Qianglian.Web.Tests.Infrastructure;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// What must never appear in a response to one caller: the id of any row it may not see (another jurisdiction's, or
/// for an enterprise user another enterprise's own records), and the words that only such rows carry — another
/// jurisdiction's path and place names, an unseen enterprise's credit code, the matrix's foreign markers. A response
/// is searched whole (<see cref="BodyText"/>): JSON decoded, text, and the XML inside an .xlsx or .docx.
/// </summary>
public sealed partial class Leaks(IReadOnlyDictionary<Guid, string> ids, IReadOnlyList<string> words)
{
    /// <summary>How many ids and words it holds (a matrix with next to nothing to find proves nothing).</summary>
    public int Count => ids.Count + words.Count;

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    /// <summary>The first forbidden id or word in <paramref name="body"/>, or null.</summary>
    public string? Find(byte[] body)
    {
        var text = BodyText.Of(body);
        foreach (Match m in Uuid().Matches(text))
            if (Guid.TryParse(m.Value, out var id) && ids.TryGetValue(id, out var kind)) return $"the id of {kind} {id} in “…{Around(text, m.Index)}…”";
        return words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } word
            ? $"“{word}” in “…{Around(text, text.IndexOf(word, StringComparison.Ordinal))}…”"
            : null;
    }

    /// <summary>What surrounds a find, to tell which field of which record showed it.</summary>
    private static string Around(string text, int at) =>
        text.Substring(Math.Max(0, at - 80), Math.Min(text.Length, at + 60) - Math.Max(0, at - 80)).ReplaceLineEndings(" ");
}
