using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Arrears;

internal sealed class ArrearsClaimConfig : IEntityTypeConfiguration<ArrearsClaim>
{
    public void Configure(EntityTypeBuilder<ArrearsClaim> b)
    {
        b.ToTable("ArrearsClaims");
        b.Property(c => c.DebtorName).HasMaxLength(200);
        b.Property(c => c.Basis).HasMaxLength(1000);
        b.Property(c => c.FiledBy).HasMaxLength(100);
        b.Property(c => c.VerifiedBy).HasMaxLength(100);
        b.Property(c => c.VerificationNote).HasMaxLength(1000);
        b.Property(c => c.FiledAt).HasConversion<UnixMilliseconds>();
        foreach (var money in new[] { nameof(ArrearsClaim.ClaimedAmount), nameof(ArrearsClaim.AgreedAmount), nameof(ArrearsClaim.RepaidAmount) })
            b.Property(money).HasPrecision(18, 2);
        b.HasIndex(c => c.EnterpriseId);
        b.HasIndex(c => c.Status);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jurisdictions.GovernmentUnit>().WithMany().HasForeignKey(c => c.DebtorUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArrearsInstalmentConfig : IEntityTypeConfiguration<ArrearsInstalment>
{
    public void Configure(EntityTypeBuilder<ArrearsInstalment> b)
    {
        b.ToTable("ArrearsInstalments");
        b.Property(i => i.Amount).HasPrecision(18, 2);
        b.HasIndex(i => new { i.ClaimId, i.Ordinal }).IsUnique();
        b.HasOne<ArrearsClaim>().WithMany().HasForeignKey(i => i.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArrearsRepaymentConfig : IEntityTypeConfiguration<ArrearsRepayment>
{
    public void Configure(EntityTypeBuilder<ArrearsRepayment> b)
    {
        b.ToTable("ArrearsRepayments");
        b.Property(r => r.Amount).HasPrecision(18, 2);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.Property(r => r.RecordedAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(r => new { r.ClaimId, r.PaidOn });
        b.HasOne<ArrearsClaim>().WithMany().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArrearsAttachmentConfig : IEntityTypeConfiguration<ArrearsAttachment>
{
    public void Configure(EntityTypeBuilder<ArrearsAttachment> b)
    {
        b.ToTable("ArrearsAttachments");
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(100);
        b.Property(a => a.UploadedAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(a => a.ClaimId);
        b.HasOne<ArrearsClaim>().WithMany().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}
