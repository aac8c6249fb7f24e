using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// How rules, stage lists, checklists and explanations are stored: JSON text columns (camelCase, enums by name,
/// Chinese unescaped), so the audit log shows them readably and a new rule needs no schema change.
/// </summary>
public static class IncentiveJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
                                            ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is empty");
}
