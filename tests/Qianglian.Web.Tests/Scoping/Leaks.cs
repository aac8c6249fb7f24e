using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// What must never appear in a response to one caller: the id of any row it may not see (another jurisdiction's, or
/// for an enterprise user another enterprise's own records), and the words that only such rows carry — another
/// jurisdiction's path and place names, an unseen enterprise's credit code, the matrix's foreign markers. A response
/// is searched whole: JSON, text, and the XML inside an .xlsx or .docx.
/// </summary>
public sealed partial class Leaks(IReadOnlyDictionary<Guid, string> ids, IReadOnlyList<string> words)
{
    public int Count => ids.Count + words.Count;

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    /// <summary>The first forbidden id or word in <paramref name="body"/>, or null.</summary>
    public string? Find(byte[] body)
    {
        var text = Text(body);
        foreach (Match m in Uuid().Matches(text))
            if (Guid.TryParse(m.Value, out var id) && ids.TryGetValue(id, out var kind)) return $"the id of {kind} {id} in “…{Around(text, m.Index)}…”";
        return words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } word
            ? $"“{word}” in “…{Around(text, text.IndexOf(word, StringComparison.Ordinal))}…”"
            : null;
    }

    /// <summary>What surrounds a find, to tell which field of which record showed it.</summary>
    private static string Around(string text, int at) =>
        text.Substring(Math.Max(0, at - 80), Math.Min(text.Length, at + 60) - Math.Max(0, at - 80)).ReplaceLineEndings(" ");

    /// <summary>
    /// The text of a response: for JSON every name and string in it, decoded (the API may write Chinese as \uXXXX, which a
    /// raw search would never match); for an Office file (a zip) every XML part in it; else the text as it is.
    /// </summary>
    private static string Text(byte[] body)
    {
        if (body.Length < 4 || body[0] != 'P' || body[1] != 'K')
        {
            var raw = Encoding.UTF8.GetString(body);
            try
            {
                using var json = JsonDocument.Parse(raw);
                var strings = new StringBuilder();
                Collect(json.RootElement, strings);
                return strings.ToString();
            }
            catch (JsonException)
            {
                return raw;
            }
        }
        using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd()).Append('\n');
        }
        return text.ToString();
    }

    private static void Collect(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(property.Name).Append('\n');
                    Collect(property.Value, text);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, text);
                break;
            case JsonValueKind.String:
                text.Append(element.GetString()).Append('\n');
                break;
        }
    }
}
