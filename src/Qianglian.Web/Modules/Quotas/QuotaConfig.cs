using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Quotas;

internal sealed class QuotaPoolConfig : IEntityTypeConfiguration<QuotaPool>
{
    public void Configure(EntityTypeBuilder<QuotaPool> b)
    {
        b.ToTable("QuotaPools");
        b.Property(p => p.Element).HasConversion<string>().HasMaxLength(32);
        foreach (var amount in new[] { nameof(QuotaPool.Granted), nameof(QuotaPool.TransferredIn), nameof(QuotaPool.TransferredOut), nameof(QuotaPool.Allocated) })
            b.Property(amount).HasPrecision(18, 4);
        b.HasIndex(p => new { p.ChainId, p.Year, p.Element }).IsUnique();
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuotaMovementConfig : IEntityTypeConfiguration<QuotaMovement>
{
    public void Configure(EntityTypeBuilder<QuotaMovement> b)
    {
        b.ToTable("QuotaMovements");
        b.Property(m => m.Element).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Amount).HasPrecision(18, 4);
        b.Property(m => m.Basis).HasMaxLength(500);
        b.Property(m => m.RecordedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.ChainId, m.Year });
        b.HasOne<QuotaPool>().WithMany().HasForeignKey(m => m.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuotaRequestConfig : IEntityTypeConfiguration<QuotaRequest>
{
    public void Configure(EntityTypeBuilder<QuotaRequest> b)
    {
        b.ToTable("QuotaRequests");
        b.Property(r => r.Element).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Requested).HasPrecision(18, 4);
        b.Property(r => r.Allocated).HasPrecision(18, 4);
        b.Property(r => r.Consumed).HasPrecision(18, 4);
        b.Property(r => r.Justification).HasMaxLength(2000);
        b.Property(r => r.RequestedBy).HasMaxLength(100);
        b.Property(r => r.DecidedBy).HasMaxLength(100);
        b.Property(r => r.DecisionNote).HasMaxLength(1000);
        b.HasIndex(r => new { r.ChainId, r.Year, r.Status });
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(r => r.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuotaUseConfig : IEntityTypeConfiguration<QuotaUse>
{
    public void Configure(EntityTypeBuilder<QuotaUse> b)
    {
        b.ToTable("QuotaUses");
        b.Property(u => u.Amount).HasPrecision(18, 4);
        b.Property(u => u.Note).HasMaxLength(500);
        b.Property(u => u.RecordedBy).HasMaxLength(100);
        b.HasIndex(u => u.RequestId);
        b.HasOne<QuotaRequest>().WithMany().HasForeignKey(u => u.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
