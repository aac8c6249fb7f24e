namespace Qianglian.Core.Scoring;

/// <summary>A problem of a model: the field (e.g. <c>indicators[2].benchmark</c>) and why, in Chinese and English.</summary>
public sealed record ModelError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Checks a model before it is stored or used: every error at once, each naming its field.</summary>
public static class ModelValidator
{
    /// <param name="knownInputs">The value keys subjects can have; null accepts any key.</param>
    public static IReadOnlyList<ModelError> Validate(ScoringModel m, Func<string, bool>? knownInputs = null)
    {
        var errors = new List<ModelError>();
        void Error(string field, string message) => errors.Add(new ModelError(field, message));

        if (string.IsNullOrWhiteSpace(m.Code)) Error("code", "模型代码不能为空 (code is required)");
        if (string.IsNullOrWhiteSpace(m.Name)) Error("name", "模型名称不能为空 (name is required)");
        if (m.Indicators.Count == 0) Error("indicators", "模型至少需要一个指标 (at least one indicator)");
        var dimensions = m.Dimensions.Select(d => d.Key).ToHashSet();
        for (var d = 0; d < m.Dimensions.Count; d++)
            if (m.Dimensions[d].Minimum is < 0) Error($"dimensions[{d}].minimum", "维度最低分不能为负 (minimum must not be negative)");
        var keys = new HashSet<string>();
        for (var n = 0; n < m.Indicators.Count; n++)
        {
            var i = m.Indicators[n];
            var at = $"indicators[{n}]";
            if (string.IsNullOrWhiteSpace(i.Key)) Error($"{at}.key", "指标代码不能为空 (key is required)");
            else if (!keys.Add(i.Key)) Error($"{at}.key", $"指标代码“{i.Key}”重复 (duplicate key)");
            if (string.IsNullOrWhiteSpace(i.Name)) Error($"{at}.name", "指标名称不能为空 (name is required)");
            if (string.IsNullOrWhiteSpace(i.Input)) Error($"{at}.input", "指标必须指明取值来源 (input is required)");
            else if (knownInputs is not null && !knownInputs(i.Input)) Error($"{at}.input", $"未知的取值来源“{i.Input}” (unknown input)");
            if (i.AltInput is { } alt && knownInputs is not null && !knownInputs(alt)) Error($"{at}.altInput", $"未知的取值来源“{alt}” (unknown input)");
            if (i.Dimension is { } dim && !dimensions.Contains(dim)) Error($"{at}.dimension", $"维度“{dim}”未定义 (undefined dimension)");
            if (i.Weight <= 0) Error($"{at}.weight", $"权重须大于0：{i.Weight} (weight must be positive)");
            if (i.Min is { } lo && i.Max is { } hi && lo > hi) Error($"{at}.min", "取值下限大于上限 (min above max)");
            switch (i.Method)
            {
                case ScoringMethod.BenchmarkRatio:
                    if (i.Benchmark is not { } b) Error($"{at}.benchmark", "基准值比值法须设基准值 (benchmark is required)");
                    else if (b <= 0) Error($"{at}.benchmark", $"基准值须大于0：{b} (benchmark must be positive)");
                    if (i.Cap <= 0) Error($"{at}.cap", $"封顶倍数须大于0：{i.Cap} (cap must be positive)");
                    break;
                case ScoringMethod.EfficacyCoefficient:
                    if (i.Good is null) Error($"{at}.good", "功效系数法须设满意值 (good is required)");
                    if (i.Bad is null) Error($"{at}.bad", "功效系数法须设不允许值 (bad is required)");
                    if (i.Good is { } g && i.Bad is { } bad && g == bad) Error($"{at}.good", "满意值与不允许值不能相等 (good equals bad)");
                    break;
                case ScoringMethod.Banded:
                    if (i.Bands.Count == 0) Error($"{at}.bands", "分档法至少需要一档 (at least one band)");
                    for (var k = 0; k < i.Bands.Count; k++)
                    {
                        var band = i.Bands[k];
                        if (band.Points < 0 || band.Points > i.Weight) Error($"{at}.bands[{k}].points", $"档分{band.Points}须在0到权重{i.Weight}之间 (points between 0 and the weight)");
                        if (band.Min is { } min && band.Max is { } max && min > max) Error($"{at}.bands[{k}].min", "档下限大于上限 (min above max)");
                        if (band.AltMin is not null && i.AltInput is null) Error($"{at}.bands[{k}].altMin", "未设 altInput 时不能使用 altMin (altMin needs altInput)");
                    }
                    break;
                default:
                    Error($"{at}.method", $"未知的计分方法 {i.Method} (unknown method)");
                    break;
            }
        }
        var total = m.Indicators.Sum(i => i.Weight);
        if (m.Indicators.Count > 0 && total != 100m) Error("indicators.weight", $"各指标权重之和须为100，现为{Quantity.Number(total)} (weights must sum to 100)");

        for (var n = 0; n < m.Exemptions.Count; n++)
        {
            var x = m.Exemptions[n];
            if (string.IsNullOrWhiteSpace(x.Input)) Error($"exemptions[{n}].input", "豁免条件须指明取值来源 (input is required)");
            else if (knownInputs is not null && !knownInputs(x.Input)) Error($"exemptions[{n}].input", $"未知的取值来源“{x.Input}” (unknown input)");
            if (x.AtLeast is null && x.Below is null) Error($"exemptions[{n}]", "豁免条件须设 atLeast 或 below (a bound is required)");
            if (string.IsNullOrWhiteSpace(x.Class)) Error($"exemptions[{n}].class", "豁免类别不能为空 (class is required)");
        }

        var c = m.Classification;
        if (c.Bands.Count == 0) Error("classification.bands", "至少需要一个分类档 (at least one band)");
        for (var n = 0; n < c.Bands.Count; n++)
        {
            var band = c.Bands[n];
            var at = $"classification.bands[{n}]";
            if (string.IsNullOrWhiteSpace(band.Label)) Error($"{at}.label", "分类名称不能为空 (label is required)");
            if (c.Mode == ClassificationMode.ByScore)
            {
                if (band.MinScore is not { } min) Error($"{at}.minScore", "按分数分类须设最低分 (minScore is required)");
                else if (n > 0 && c.Bands[n - 1].MinScore is { } previous && min >= previous) Error($"{at}.minScore", "各档最低分须从高到低排列 (minimums must descend)");
            }
            else
            {
                if (band.UpToShare is not { } share || share <= 0 || share > 1) Error($"{at}.upToShare", "按排名比例分类须设 0–1 之间的累计比例 (upToShare in (0, 1])");
                else if (n > 0 && c.Bands[n - 1].UpToShare is { } previous && share <= previous) Error($"{at}.upToShare", "累计比例须从小到大排列 (shares must ascend)");
            }
        }
        if (c.Mode == ClassificationMode.ByRankShare && c.Bands.Count > 0 && c.Bands[^1].UpToShare != 1m)
            Error($"classification.bands[{c.Bands.Count - 1}].upToShare", "最后一档的累计比例须为1 (the last band must reach 1)");
        return errors;
    }
}
