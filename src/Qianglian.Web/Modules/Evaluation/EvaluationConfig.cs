using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Evaluation;

internal sealed class IndexRunConfig : IEntityTypeConfiguration<IndexRun>
{
    public void Configure(EntityTypeBuilder<IndexRun> b)
    {
        b.ToTable("IndexRuns");
        b.Property(r => r.ModelVersion).HasMaxLength(200);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.HasIndex(r => new { r.JurisdictionId, r.Subject, r.Year });
    }
}

internal sealed class IndexResultConfig : IEntityTypeConfiguration<IndexResult>
{
    public void Configure(EntityTypeBuilder<IndexResult> b)
    {
        b.ToTable("IndexResults");
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Class).HasMaxLength(100);
        b.Property(r => r.ClassKey).HasMaxLength(50);
        b.Property(r => r.Score).HasPrecision(9, 2);
        b.HasIndex(r => new { r.RunId, r.SubjectId }).IsUnique();
        b.HasOne<IndexRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndustryEventConfig : IEntityTypeConfiguration<IndustryEvent>
{
    public void Configure(EntityTypeBuilder<IndustryEvent> b)
    {
        b.ToTable("IndustryEvents");
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.Notes).HasMaxLength(2000);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.JurisdictionId, e.Kind, e.HeldOn });
        b.HasOne<Chains.Ecosystem>().WithMany().HasForeignKey(e => e.EcosystemId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JurisdictionStatisticConfig : IEntityTypeConfiguration<JurisdictionStatistic>
{
    public void Configure(EntityTypeBuilder<JurisdictionStatistic> b)
    {
        b.ToTable("JurisdictionStatistics");
        b.Property(s => s.Subject).HasMaxLength(200);
        b.Property(s => s.Value).HasPrecision(18, 4);
        b.Property(s => s.Source).HasMaxLength(1000);
        b.Property(s => s.AttachmentName).HasMaxLength(200);
        b.Property(s => s.AttachmentType).HasMaxLength(100);
        b.Property(s => s.AttachmentSha256).HasMaxLength(64);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.JurisdictionId, s.Kind, s.Year, s.Subject }).IsUnique();
    }
}
