using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Data;

internal sealed class AuditEntryConfig : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.HasKey(a => a.Sequence);
        b.Property(a => a.Sequence).ValueGeneratedNever();
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityKey).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.JurisdictionPath).HasMaxLength(200);
        b.Property(a => a.KeyId).HasMaxLength(40);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.EntityType, a.Sequence });
        b.HasIndex(a => new { a.UserName, a.Sequence });
        b.HasIndex(a => a.JurisdictionPath);
    }
}
