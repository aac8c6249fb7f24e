using Qianglian.Core.Evaluation;
using Qianglian.Core.Scoring;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>What an index evaluates: the chains of a jurisdiction (达州 （七）) or its parks (攀枝花 十六).</summary>
public enum IndexSubject { Chain = 1, Park = 2 }

/// <summary>
/// An evaluation index model as the packs and the coordination office write it: the scoring model (indicators,
/// weights, methods, classes) and which classes are praised (通报表扬) and which criticised (通报批评). Stored as a
/// revision per jurisdiction and year, like every model (<c>ModelKind.Index</c>).
/// </summary>
public sealed record IndexDefinition
{
    public IndexSubject Subject { get; init; } = IndexSubject.Chain;
    public List<string> Praise { get; init; } = [];
    public List<string> Criticism { get; init; } = [];
    public ScoringModel Model { get; init; } = new();

    public const string ChainCode = "chain-index", ParkCode = "park-index";

    public static string CodeOf(IndexSubject s) => s == IndexSubject.Chain ? ChainCode : ParkCode;

    /// <summary>
    /// Every problem at once, each naming its field: the model's own (weights summing to 100, a benchmark above
    /// zero …), an input the index does not know or has no data source for, a praised or criticised class the model
    /// cannot give.
    /// </summary>
    public static IReadOnlyList<ModelError> Validate(IndexDefinition d, Func<string, bool> metricAvailable)
    {
        var errors = new List<ModelError>();
        if (d.Model.Code != CodeOf(d.Subject))
            errors.Add(new("model.code", $"{(d.Subject == IndexSubject.Chain ? "产业链" : "园区")}评价模型的代码须为“{CodeOf(d.Subject)}” (code must be {CodeOf(d.Subject)})"));
        errors.AddRange(ModelValidator.Validate(d.Model, IndexInputCatalog.Has).Select(e => e with { Field = "model." + e.Field }));
        for (var n = 0; n < d.Model.Indicators.Count; n++)
            if (IndexInputCatalog.Find(d.Model.Indicators[n].Input) is { } input && input.MissingSource(d.Subject, metricAvailable) is { } why)
                errors.Add(new($"model.indicators[{n}].input", why));
        var classes = Verdicts.ClassKeys(d.Model);
        foreach (var (list, field) in new[] { (d.Praise, "praise"), (d.Criticism, "criticism") })
            for (var n = 0; n < list.Count; n++)
                if (!classes.Contains(list[n]))
                    errors.Add(new($"{field}[{n}]", $"分类“{list[n]}”不是模型的分类 (not a class of the model)"));
        foreach (var both in d.Praise.Intersect(d.Criticism))
            errors.Add(new("criticism", $"分类“{both}”不能既表扬又批评 (a class cannot be both praised and criticised)"));
        return errors;
    }
}
