using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Jurisdictions;

internal sealed class JurisdictionConfig : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> b)
    {
        b.Property(j => j.Code).HasMaxLength(20);
        b.HasIndex(j => j.Code).IsUnique();
        b.Property(j => j.Name).HasMaxLength(100);
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(j => j.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GovernmentUnitConfig : IEntityTypeConfiguration<GovernmentUnit>
{
    public void Configure(EntityTypeBuilder<GovernmentUnit> b)
    {
        b.ToTable("Units");
        b.Property(u => u.Key).HasMaxLength(60);
        b.HasIndex(u => u.Key).IsUnique();
        b.Property(u => u.Name).HasMaxLength(100);
    }
}
