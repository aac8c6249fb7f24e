using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Qianglian.Web.Tests.Infrastructure;

/// <summary>
/// What a test searches a response for a name or id the caller may not see: every property name and value of a JSON
/// body, decoded (the API escapes non-ASCII text as \uXXXX, which a raw search would never match); every XML part of
/// an Office file (.xlsx, .docx: a zip); any other body as it is.
/// </summary>
public static class BodyText
{
    public static string Of(byte[] body)
    {
        if (body.Length < 4 || body[0] != 'P' || body[1] != 'K') return Of(Encoding.UTF8.GetString(body));
        using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd()).Append('\n');
        }
        return text.ToString();
    }

    public static string Of(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var text = new StringBuilder();
            Collect(json.RootElement, text);
            return text.ToString();
        }
        catch (JsonException)
        {
            return body;
        }
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
            default:
                text.Append(element.GetRawText()).Append('\n');
                break;
        }
    }
}
