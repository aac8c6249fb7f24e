using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

public enum ModelKind { Scoring = 1, Conditions = 2, Settings = 3 }

/// <summary>
/// One revision of a model's parameters for a jurisdiction from a year on: a scoring model, a condition set or the
/// module's settings, as JSON. Rows are never changed: an edit adds the next revision, so a run that names the
/// revision it used can always be re-computed. The applicable model of a jurisdiction and year is the nearest
/// ancestor's (itself first) with the greatest year not after it, latest revision.
/// </summary>
public sealed class CultivationModel : ScopedEntity
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
