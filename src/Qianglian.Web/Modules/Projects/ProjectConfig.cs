using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Projects;

internal sealed class ProjectConfig : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.IndustryCode).HasMaxLength(4);
        b.Property(p => p.TerminationReason).HasMaxLength(1000);
        b.Property(p => p.TaskForce).HasMaxLength(200);
        b.Property(p => p.ResponsibleLeader).HasMaxLength(100);
        b.HasIndex(p => new { p.JurisdictionId, p.Name }).IsUnique();
        b.HasIndex(p => p.Stage);
        foreach (var money in new[] { nameof(Project.TotalInvestment), nameof(Project.EquipmentInvestment), nameof(Project.NewOutputValue),
                     nameof(Project.CommittedInvestmentPerMu), nameof(Project.CommittedOutputPerMu), nameof(Project.CommittedTaxPerMu) })
            b.Property(money).HasPrecision(18, 2);
        b.Property(p => p.LandMu).HasPrecision(12, 2);
        b.Property(p => p.CommittedPlotRatio).HasPrecision(6, 2);
        b.Ignore(p => p.StageSince);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Chain>().WithMany().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChainNode>().WithMany().HasForeignKey(p => p.NodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GovernmentUnit>().WithMany().HasForeignKey(p => p.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Every project part: belongs to its project (removed with it) and is found by it.</summary>
internal abstract class ProjectPartConfig<T> : IEntityTypeConfiguration<T> where T : ProjectPart
{
    public virtual void Configure(EntityTypeBuilder<T> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ProjectId);
    }
}

internal sealed class ProjectShareConfig : ProjectPartConfig<ProjectShare>
{
    public override void Configure(EntityTypeBuilder<ProjectShare> b)
    {
        base.Configure(b);
        b.Property(x => x.InvestmentPercent).HasPrecision(5, 2);
        b.Property(x => x.OutputPercent).HasPrecision(5, 2);
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.LocalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProjectId, x.LocalityId }).IsUnique();
    }
}

internal sealed class ProjectAnnualPlanConfig : ProjectPartConfig<ProjectAnnualPlan>
{
    public override void Configure(EntityTypeBuilder<ProjectAnnualPlan> b)
    {
        base.Configure(b);
        b.Property(x => x.PlannedInvestment).HasPrecision(18, 2);
        b.HasIndex(x => new { x.ProjectId, x.Year }).IsUnique();
    }
}

internal sealed class ProjectStageChangeConfig : ProjectPartConfig<ProjectStageChange>
{
    public override void Configure(EntityTypeBuilder<ProjectStageChange> b)
    {
        base.Configure(b);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.ChangedBy).HasMaxLength(100);
    }
}

internal sealed class ProjectMilestoneConfig : ProjectPartConfig<ProjectMilestone>
{
    public override void Configure(EntityTypeBuilder<ProjectMilestone> b)
    {
        base.Configure(b);
        b.HasIndex(x => new { x.ProjectId, x.Kind }).IsUnique();
    }
}

internal sealed class ProjectApprovalConfig : ProjectPartConfig<ProjectApproval>
{
    public override void Configure(EntityTypeBuilder<ProjectApproval> b)
    {
        base.Configure(b);
        b.Property(x => x.Commitment).HasMaxLength(1000);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => new { x.ProjectId, x.Kind }).IsUnique();
    }
}

internal sealed class MonthlyReportConfig : ProjectPartConfig<MonthlyReport>
{
    public override void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        base.Configure(b);
        b.Property(x => x.MonthInvestment).HasPrecision(18, 2);
        b.Property(x => x.Progress).HasMaxLength(2000);
        b.Property(x => x.FiledBy).HasMaxLength(100);
        b.HasIndex(x => new { x.ProjectId, x.Year, x.Month }).IsUnique();
        b.HasIndex(x => new { x.Year, x.Month });
    }
}

internal sealed class ReportPhotoConfig : ProjectPartConfig<ReportPhoto>
{
    public override void Configure(EntityTypeBuilder<ReportPhoto> b)
    {
        base.Configure(b);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasOne<MonthlyReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportProblemConfig : ProjectPartConfig<ReportProblem>
{
    public override void Configure(EntityTypeBuilder<ReportProblem> b)
    {
        base.Configure(b);
        b.HasOne<MonthlyReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Supervision.Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProblemId).IsUnique();
    }
}

internal sealed class HolidayEntryConfig : IEntityTypeConfiguration<HolidayEntry>
{
    public void Configure(EntityTypeBuilder<HolidayEntry> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.JurisdictionId, x.Date }).IsUnique();
    }
}

internal sealed class HolidayNoticeConfig : IEntityTypeConfiguration<HolidayNotice>
{
    public void Configure(EntityTypeBuilder<HolidayNotice> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.HasIndex(x => new { x.JurisdictionId, x.Year }).IsUnique();
    }
}

internal sealed class ProjectRulesConfig : IEntityTypeConfiguration<ProjectRules>
{
    public void Configure(EntityTypeBuilder<ProjectRules> b)
    {
        b.Property(x => x.PackCode).HasMaxLength(50);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.ApprovalLimitSource).HasMaxLength(500);
        b.Property(x => x.LaggardMarginPoints).HasPrecision(5, 2);
        b.HasIndex(x => x.PackCode).IsUnique();
    }
}
