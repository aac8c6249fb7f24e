using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Chains;

internal sealed class EcosystemConfig : IEntityTypeConfiguration<Ecosystem>
{
    public void Configure(EntityTypeBuilder<Ecosystem> b)
    {
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.PackCode).HasMaxLength(50);
        b.HasIndex(e => new { e.JurisdictionId, e.Name }).IsUnique();
    }
}

internal sealed class ChainConfig : IEntityTypeConfiguration<Chain>
{
    public void Configure(EntityTypeBuilder<Chain> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.PackCode).HasMaxLength(50);
        b.HasIndex(c => new { c.JurisdictionId, c.Name }).IsUnique();
        b.HasOne<Ecosystem>().WithMany().HasForeignKey(c => c.EcosystemId).OnDelete(DeleteBehavior.Restrict);
    }
}
