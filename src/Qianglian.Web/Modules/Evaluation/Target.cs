using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// A quantitative target of a policy document (黔江 2025: 规上企业超过100家 …), with its year, comparison and unit
/// of measure. The evaluation module computes the actual for its <see cref="Metric"/>.
/// </summary>
public sealed class Target : ScopedEntity, IInheritedConfiguration
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Metric { get; set; } = "";
    public int? Year { get; set; }
    public bool Yearly { get; set; }
    public int? FromYear { get; set; }
    /// <summary>&gt;=, &gt;, &lt;=, &lt; or between.</summary>
    public string Comparison { get; set; } = ">=";
    public decimal Value { get; set; }
    public decimal? ValueMax { get; set; }
    public string UnitOfMeasure { get; set; } = "";
    /// <summary>What the target counts over: the jurisdiction, each chain, each county, or one named chain.</summary>
    public string Scope { get; set; } = "";
    public string? ScopeRef { get; set; }
    /// <summary>The sentence of the document it comes from.</summary>
    public string Source { get; set; } = "";
    public string? PackCode { get; set; }
}
