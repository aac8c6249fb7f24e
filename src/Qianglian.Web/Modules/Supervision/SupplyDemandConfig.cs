using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Supervision;

internal sealed class SupplyDemandPostConfig : IEntityTypeConfiguration<SupplyDemandPost>
{
    public void Configure(EntityTypeBuilder<SupplyDemandPost> b)
    {
        b.ToTable("SupplyDemandPosts");
        b.Property(p => p.Product).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.Keywords).HasMaxLength(1000);
        b.Property(p => p.PostedBy).HasMaxLength(100);
        b.Property(p => p.PostedAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(p => new { p.Kind, p.Status });
        b.HasIndex(p => p.EnterpriseId);
        b.HasIndex(p => p.ChainId);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Chains.ChainNode>().WithMany().HasForeignKey(p => p.NodeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SupplyDemandMatchConfig : IEntityTypeConfiguration<SupplyDemandMatch>
{
    public void Configure(EntityTypeBuilder<SupplyDemandMatch> b)
    {
        b.ToTable("SupplyDemandMatches");
        b.Property(m => m.Score).HasPrecision(5, 2);
        b.Property(m => m.Amount).HasPrecision(18, 2);
        b.Property(m => m.Note).HasMaxLength(1000);
        b.Property(m => m.RecordedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.DemandPostId, m.SupplyPostId }).IsUnique();
        b.HasIndex(m => m.ChainId);
        b.HasOne<SupplyDemandPost>().WithMany().HasForeignKey(m => m.DemandPostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SupplyDemandPost>().WithMany().HasForeignKey(m => m.SupplyPostId).OnDelete(DeleteBehavior.Restrict);
    }
}
