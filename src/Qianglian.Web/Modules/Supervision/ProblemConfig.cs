using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Supervision;

internal sealed class SupervisionSettingsConfig : IEntityTypeConfiguration<SupervisionSettings>
{
    public void Configure(EntityTypeBuilder<SupervisionSettings> b)
    {
        b.ToTable("SupervisionSettings");
        b.Property(s => s.PackCode).HasMaxLength(50);
        b.Property(s => s.ContentHash).HasMaxLength(64);
        b.Property(s => s.LocalUnitIds).HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
            v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Guid>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, Guid>>(
                (a, c) => a!.Count == c!.Count && !a.Except(c).Any(), v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)), v => new(v)));
        b.HasIndex(s => s.JurisdictionId).IsUnique();
        b.HasIndex(s => s.PackCode).IsUnique();
    }
}

internal sealed class ProblemConfig : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("Problems");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.SourceReference).HasMaxLength(200);
        b.Property(p => p.FiledBy).HasMaxLength(100);
        b.Property(p => p.Resolution).HasMaxLength(4000);
        b.Property(p => p.RatingComment).HasMaxLength(1000);
        b.Property(p => p.DueAt).HasConversion<UnixMilliseconds>();
        b.Property(p => p.FiledAt).HasConversion<UnixMilliseconds>();
        b.Property(p => p.ResolvedAt).HasConversion<UnixMilliseconds>();
        b.Property(p => p.ClosedAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(p => new { p.Status, p.DueAt });
        b.HasIndex(p => p.EnterpriseId);
        b.HasIndex(p => p.ChainId);
        b.HasIndex(p => p.AssignedUnitId);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jurisdictions.GovernmentUnit>().WithMany().HasForeignKey(p => p.AssignedUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProblemStepConfig : IEntityTypeConfiguration<ProblemStep>
{
    public void Configure(EntityTypeBuilder<ProblemStep> b)
    {
        b.ToTable("ProblemSteps");
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.Note).HasMaxLength(4000);
        b.Property(s => s.At).HasConversion<UnixMilliseconds>();
        b.HasIndex(s => new { s.ProblemId, s.At });
        b.HasOne<Problem>().WithMany().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProblemAttachmentConfig : IEntityTypeConfiguration<ProblemAttachment>
{
    public void Configure(EntityTypeBuilder<ProblemAttachment> b)
    {
        b.ToTable("ProblemAttachments");
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(100);
        b.HasIndex(a => a.ProblemId);
        b.HasOne<Problem>().WithMany().HasForeignKey(a => a.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}
