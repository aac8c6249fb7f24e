using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Policies;

internal sealed class PolicyPackConfig : IEntityTypeConfiguration<PolicyPack>
{
    public void Configure(EntityTypeBuilder<PolicyPack> b)
    {
        b.Property(p => p.Code).HasMaxLength(50);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.ContentHash).HasMaxLength(64);
        b.Property(p => p.WorkingKitName).HasMaxLength(20);
    }
}

internal sealed class TargetConfig : IEntityTypeConfiguration<Evaluation.Target>
{
    public void Configure(EntityTypeBuilder<Evaluation.Target> b)
    {
        b.Property(t => t.Key).HasMaxLength(100);
        b.HasIndex(t => t.Key).IsUnique();
        b.Property(t => t.Name).HasMaxLength(300);
        b.Property(t => t.Metric).HasMaxLength(100);
        b.Property(t => t.Comparison).HasMaxLength(10);
        b.Property(t => t.UnitOfMeasure).HasMaxLength(20);
        b.Property(t => t.Scope).HasMaxLength(40);
        b.Property(t => t.ScopeRef).HasMaxLength(100);
        b.Property(t => t.PackCode).HasMaxLength(50);
        b.Property(t => t.Value).HasPrecision(18, 4);
        b.Property(t => t.ValueMax).HasPrecision(18, 4);
    }
}
