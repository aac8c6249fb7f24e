using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Policies;

internal sealed class PolicyDocumentConfig : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.Issuer).HasMaxLength(200);
        b.Property(d => d.Status).HasMaxLength(50);
        b.Property(d => d.PackCode).HasMaxLength(50);
        b.Property(d => d.ContentHash).HasMaxLength(64);
        b.HasIndex(d => new { d.JurisdictionId, d.ContentHash }).IsUnique();
        b.HasMany(d => d.Measures).WithOne().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Checklist).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureConfig : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        b.Property(m => m.Number).HasMaxLength(20);
        b.Property(m => m.Group).HasMaxLength(100);
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.ResponsibilityForm).HasMaxLength(40);
        b.HasIndex(m => new { m.DocumentId, m.Ordinal }).IsUnique();
        b.HasMany(m => m.Units).WithOne().HasForeignKey(u => u.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureUnitConfig : IEntityTypeConfiguration<MeasureUnit>
{
    public void Configure(EntityTypeBuilder<MeasureUnit> b)
    {
        b.Property(u => u.RawName).HasMaxLength(100);
        b.Property(u => u.MatchKind).HasMaxLength(20);
        b.Property(u => u.CatchAll).HasMaxLength(40);
        b.HasIndex(u => u.UnitId);
        b.HasOne<Jurisdictions.GovernmentUnit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChecklistItemConfig : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.ToTable("DocumentChecklistItems");
        b.Property(c => c.Name).HasMaxLength(500);
    }
}
