using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>The module's own parameters of a jurisdiction and year: the 小升规 pool and which honours earn a one-time award.</summary>
public sealed record CultivationSettings
{
    public string? Source { get; init; }
    public SmallToScaleParameters SmallToScale { get; init; } = new();
    public List<AwardRule> Awards { get; init; } = [];

    public static readonly CultivationSettings Default = new();
}

public sealed record SmallToScaleParameters
{
    public int HorizonYears { get; init; } = SmallToScaleSettings.Default.HorizonYears;
    public decimal MinRevenue { get; init; } = SmallToScaleSettings.Default.MinRevenue;

    public SmallToScaleSettings ToCore() => new(HorizonYears, MinRevenue);
}

/// <summary>A first-time recognition of this kind and level earns the one-time award (安康 五).</summary>
public sealed record AwardRule
{
    public HonourKind Kind { get; init; }
    public HonourLevel Level { get; init; }
}

/// <summary>How model definitions are stored: camelCase JSON with enum names, hashed for idempotent loads.</summary>
public static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("empty definition");

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public static IReadOnlyList<Core.Scoring.ModelError> ValidateSettings(CultivationSettings s)
    {
        var errors = new List<Core.Scoring.ModelError>();
        if (s.SmallToScale.HorizonYears is < 1 or > 5) errors.Add(new("smallToScale.horizonYears", $"测算年限须在1到5年之间：{s.SmallToScale.HorizonYears} (horizon between 1 and 5)"));
        if (s.SmallToScale.MinRevenue < 0) errors.Add(new("smallToScale.minRevenue", "入库营业收入下限不能为负 (must not be negative)"));
        return errors;
    }
}
