using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Chains;

internal sealed class EcosystemConfig : IEntityTypeConfiguration<Ecosystem>
{
    public void Configure(EntityTypeBuilder<Ecosystem> b)
    {
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.PackCode).HasMaxLength(50);
        b.Property(e => e.JurisdictionPath).HasMaxLength(200);
        b.HasIndex(e => e.JurisdictionPath);
        b.HasIndex(e => new { e.JurisdictionId, e.Name }).IsUnique();
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(e => e.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChainConfig : IEntityTypeConfiguration<Chain>
{
    public void Configure(EntityTypeBuilder<Chain> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.PackCode).HasMaxLength(50);
        b.Property(c => c.JurisdictionPath).HasMaxLength(200);
        b.HasIndex(c => c.JurisdictionPath);
        b.HasIndex(c => new { c.JurisdictionId, c.Name }).IsUnique();
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(c => c.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ecosystem>().WithMany().HasForeignKey(c => c.EcosystemId).OnDelete(DeleteBehavior.Restrict);
    }
}
