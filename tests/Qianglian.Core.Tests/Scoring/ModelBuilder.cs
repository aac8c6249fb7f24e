using Qianglian.Core.Scoring;

namespace Qianglian.Core.Tests.Scoring;

/// <summary>Small models for the tests: one indicator of each method, weights summing to 100.</summary>
internal static class ModelBuilder
{
    public static Indicator Ratio(string key, decimal weight, decimal benchmark, decimal cap = 1m, string? dimension = null, MissingRule? missing = null) =>
        new() { Key = key, Name = key, Input = key, Method = ScoringMethod.BenchmarkRatio, Weight = weight, Benchmark = benchmark, Cap = cap, Dimension = dimension, Missing = missing };

    public static Indicator Efficacy(string key, decimal weight, decimal good, decimal bad) =>
        new() { Key = key, Name = key, Input = key, Method = ScoringMethod.EfficacyCoefficient, Weight = weight, Good = good, Bad = bad };

    public static Indicator Banded(string key, decimal weight, params Band[] bands) =>
        new() { Key = key, Name = key, Input = key, Method = ScoringMethod.Banded, Weight = weight, Bands = [.. bands] };

    public static ScoringModel Model(Classification classification, params Indicator[] indicators) =>
        new() { Code = "t", Name = "测试模型", Indicators = [.. indicators], Classification = classification };

    public static Classification ByScore(params (string Label, decimal Min)[] bands) =>
        new() { Mode = ClassificationMode.ByScore, Bands = bands.Select(b => new ClassBand { Key = b.Label, Label = b.Label, MinScore = b.Min }).ToList(), Otherwise = "未达标" };

    public static Classification ByShare(params (string Label, decimal Share)[] bands) =>
        new() { Mode = ClassificationMode.ByRankShare, Bands = bands.Select(b => new ClassBand { Key = b.Label, Label = b.Label, UpToShare = b.Share }).ToList() };

    public static Subject S(string id, params (string Key, decimal? Value)[] values) => new(id, id, values.ToDictionary(v => v.Key, v => v.Value));
}
