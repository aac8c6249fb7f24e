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

internal sealed class ChainNodeConfig : IEntityTypeConfiguration<ChainNode>
{
    public void Configure(EntityTypeBuilder<ChainNode> b)
    {
        b.Property(n => n.Name).HasMaxLength(100);
        b.Property(n => n.IndustryCode).HasMaxLength(4);
        b.HasIndex(n => new { n.ChainId, n.ParentId, n.Name }).IsUnique();
        // The index above lets top-level nodes repeat a name: its ParentId is NULL, and NULLs never collide in a
        // unique index (SQLite, PostgreSQL). Top-level names are unique per chain by this one (issue 15, item 7).
        b.HasIndex(n => new { n.ChainId, n.Name }, "IX_ChainNodes_ChainId_Name_TopLevel").IsUnique().HasFilter("\"ParentId\" IS NULL");
        b.HasOne<Chain>().WithMany().HasForeignKey(n => n.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChainNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnterpriseNodeLinkConfig : IEntityTypeConfiguration<EnterpriseNodeLink>
{
    public void Configure(EntityTypeBuilder<EnterpriseNodeLink> b)
    {
        b.ToTable("EnterpriseNodeLinks");
        b.Property(l => l.EvidenceNote).HasMaxLength(500);
        b.HasIndex(l => new { l.NodeId, l.EnterpriseId }).IsUnique();
        b.HasIndex(l => l.EnterpriseId);
        b.HasIndex(l => new { l.ChainId, l.Role }); // the map reads a chain's 链主 without its other links
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(l => l.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChainNode>().WithMany().HasForeignKey(l => l.NodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Chain>().WithMany().HasForeignKey(l => l.ChainId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplyLinkConfig : IEntityTypeConfiguration<SupplyLink>
{
    public void Configure(EntityTypeBuilder<SupplyLink> b)
    {
        b.ToTable("SupplyLinks");
        b.Property(l => l.Product).HasMaxLength(200);
        b.Property(l => l.Amount).HasPrecision(18, 2);
        b.HasIndex(l => new { l.CustomerId, l.Year });
        b.HasIndex(l => l.SupplierId);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChainNode>().WithMany().HasForeignKey(l => l.NodeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GapSettingsConfig : IEntityTypeConfiguration<GapSettings>
{
    public void Configure(EntityTypeBuilder<GapSettings> b)
    {
        b.Property(g => g.ShortShare).HasPrecision(5, 4);
        b.HasIndex(g => g.JurisdictionId).IsUnique();
    }
}

internal sealed class ChainKitItemConfig : IEntityTypeConfiguration<ChainKitItem>
{
    public void Configure(EntityTypeBuilder<ChainKitItem> b)
    {
        b.ToTable("ChainKitItems");
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Evidence).HasMaxLength(1000);
        b.HasIndex(i => new { i.ChainId, i.Name }).IsUnique();
        b.HasOne<Chain>().WithMany().HasForeignKey(i => i.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChainListEntryConfig : IEntityTypeConfiguration<ChainListEntry>
{
    public void Configure(EntityTypeBuilder<ChainListEntry> b)
    {
        b.ToTable("ChainListEntries");
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Detail).HasMaxLength(2000);
        b.HasIndex(e => new { e.ChainId, e.Kind });
        b.HasOne<Chain>().WithMany().HasForeignKey(e => e.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollaborationNeedConfig : IEntityTypeConfiguration<CollaborationNeed>
{
    public void Configure(EntityTypeBuilder<CollaborationNeed> b)
    {
        b.ToTable("CollaborationNeeds");
        b.Property(n => n.Description).HasMaxLength(1000);
        b.HasIndex(n => n.ChainId);
        b.HasOne<Chain>().WithMany().HasForeignKey(n => n.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(n => n.NeedingEnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(n => n.ProvidingEnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}
