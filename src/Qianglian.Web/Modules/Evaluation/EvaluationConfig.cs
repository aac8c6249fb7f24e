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
