namespace Qianglian.Web.Data;

/// <summary>
/// Base of every stored record: a client-generated, time-ordered key (so audit entries know the key before the
/// insert) and an optimistic-concurrency version that <see cref="AppDbContext"/> bumps on every update.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Concurrency token: an update whose original version is stale fails with a 409, never overwrites.</summary>
    public int Version { get; set; }
}

/// <summary>A record that belongs to a jurisdiction. Reads and writes are scoped by its materialised path.</summary>
public abstract class ScopedEntity : Entity, IJurisdictionScoped
{
    public Guid JurisdictionId { get; set; }

    /// <summary>Materialised path of the jurisdiction, e.g. <c>/510000/510400/510403/</c>; set centrally on save.</summary>
    public string JurisdictionPath { get; set; } = "";
}
