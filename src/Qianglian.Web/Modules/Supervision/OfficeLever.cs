using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>The office's levers on stuck work: 改派 (move a problem to another unit), 督办 (a problem under supervision with a new deadline), 催办 (urge a late task).</summary>
public enum LeverKind { Reassign = 1, Supervise = 2, Urge = 3 }

/// <summary>
/// One lever pulled, kept where the problem or task is (so whoever sees the work sees who pushed it) and audited with
/// the caller who pulled it; the notices to the unit's users follow in the message centre and the chosen channels.
/// </summary>
public sealed class OfficeLever : ScopedEntity
{
    public LeverKind Kind { get; set; }
    /// <summary>The problem (改派, 督办) or measure task (催办).</summary>
    public Guid TargetId { get; set; }
    /// <summary>The unit told: the new unit of a reassigned problem, the unit of a supervised problem or urged task.</summary>
    public Guid? UnitId { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The new deadline of a supervised problem (a business date).</summary>
    public DateOnly? NewDueOn { get; set; }
    public string Actor { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>How many accounts were told.</summary>
    public int NotifiedCount { get; set; }
}

internal sealed class OfficeLeverConfig : IEntityTypeConfiguration<OfficeLever>
{
    public void Configure(EntityTypeBuilder<OfficeLever> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.At).HasConversion<UnixMilliseconds>();
        b.HasIndex(x => x.TargetId);
    }
}
