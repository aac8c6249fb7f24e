using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>What a stored model is. <see cref="Index"/> holds the evaluation module's chain and park index models
/// (an <c>IndexDefinition</c>: a scoring model plus its praise and criticism classes), kept and versioned here
/// alike so that one catalog resolves every model by jurisdiction and year.</summary>
public enum ModelKind { Scoring = 1, Conditions = 2, Settings = 3, Index = 4 }

/// <summary>
/// One revision of a model's parameters for a jurisdiction from a year on: a scoring model, a condition set or the
/// module's settings, as JSON. Rows are never changed: an edit adds the next revision, so a run that names the
/// revision it used can always be re-computed. The applicable model of a jurisdiction and year is the nearest
/// ancestor's (itself first) with the greatest year not after it, latest revision.
/// </summary>
public sealed class CultivationModel : ScopedEntity, IInheritedConfiguration
{
    public ModelKind Kind { get; set; }
    public string Code { get; set; } = "";
    public int Year { get; set; }
    public int Revision { get; set; }
    public string Name { get; set; } = "";
    public string Definition { get; set; } = "";
    public string ContentHash { get; set; } = "";
    /// <summary>Where it came from: the pack file and its version, or the account that saved it.</summary>
    public string Origin { get; set; } = "";
    public bool FromPack { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
