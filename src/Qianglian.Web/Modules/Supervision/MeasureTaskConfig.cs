using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Supervision;

internal sealed class MeasureTaskConfig : IEntityTypeConfiguration<MeasureTask>
{
    public void Configure(EntityTypeBuilder<MeasureTask> b)
    {
        b.ToTable("MeasureTasks");
        b.Property(t => t.Title).HasMaxLength(300);
        b.Property(t => t.NamedAs).HasMaxLength(100);
        b.Property(t => t.Via).HasMaxLength(500);
        b.HasIndex(t => new { t.MeasureId, t.UnitId }).IsUnique();
        b.HasIndex(t => new { t.UnitId, t.Status });
        b.HasIndex(t => t.DocumentId);
        b.HasOne<Policies.Measure>().WithMany().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Jurisdictions.GovernmentUnit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskMilestoneConfig : IEntityTypeConfiguration<TaskMilestone>
{
    public void Configure(EntityTypeBuilder<TaskMilestone> b)
    {
        b.ToTable("TaskMilestones");
        b.Property(m => m.Title).HasMaxLength(200);
        b.HasIndex(m => m.TaskId);
        b.HasOne<MeasureTask>().WithMany().HasForeignKey(m => m.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskReportConfig : IEntityTypeConfiguration<TaskReport>
{
    public void Configure(EntityTypeBuilder<TaskReport> b)
    {
        b.ToTable("TaskReports");
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.Progress).HasMaxLength(4000);
        b.Property(r => r.Difficulties).HasMaxLength(2000);
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.Property(r => r.SubmittedAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(r => new { r.TaskId, r.Period }).IsUnique();
        b.HasOne<MeasureTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskReviewConfig : IEntityTypeConfiguration<TaskReview>
{
    public void Configure(EntityTypeBuilder<TaskReview> b)
    {
        b.ToTable("TaskReviews");
        b.Property(r => r.Comment).HasMaxLength(2000);
        b.Property(r => r.By).HasMaxLength(100);
        b.Property(r => r.At).HasConversion<UnixMilliseconds>();
        b.HasIndex(r => r.TaskId);
        b.HasOne<MeasureTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
