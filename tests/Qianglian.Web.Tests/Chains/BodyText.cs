using System.Text;
using System.Text.Json;

namespace Qianglian.Web.Tests.Chains;

/// <summary>
/// Every property name and value of a JSON body, decoded (the API escapes non-ASCII text as \uXXXX): what a test
/// searches for a name the caller may not see. A body that is not JSON is returned as it is.
/// </summary>
internal static class BodyText
{
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
