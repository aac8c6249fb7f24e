using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Incentives;

internal sealed class IncentiveMeasureConfig : IEntityTypeConfiguration<IncentiveMeasure>
{
    public void Configure(EntityTypeBuilder<IncentiveMeasure> b)
    {
        b.ToTable("IncentiveMeasures");
        b.Ignore(m => m.Rule);
        b.Ignore(m => m.Checklist);
        b.Ignore(m => m.Terms);
        b.Property(m => m.Key).HasMaxLength(80);
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.DocumentTitle).HasMaxLength(300);
        b.Property(m => m.Clause).HasMaxLength(2000);
        b.Property(m => m.SupportType).HasMaxLength(100);
        b.Property(m => m.ExclusivityGroup).HasMaxLength(100);
        b.Property(m => m.Fund).HasMaxLength(100);
        b.Property(m => m.PackCode).HasMaxLength(50);
        b.HasIndex(m => new { m.JurisdictionId, m.Key }).IsUnique();
        b.HasOne<Policies.Measure>().WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Policies.PolicyDocument>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<IncentiveWorkflow>().WithMany().HasForeignKey(m => m.WorkflowId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncentiveWorkflowConfig : IEntityTypeConfiguration<IncentiveWorkflow>
{
    public void Configure(EntityTypeBuilder<IncentiveWorkflow> b)
    {
        b.ToTable("IncentiveWorkflows");
        b.Ignore(w => w.Definition);
        b.Property(w => w.Key).HasMaxLength(80);
        b.Property(w => w.Name).HasMaxLength(200);
        b.Property(w => w.Source).HasMaxLength(2000);
        b.Property(w => w.PackCode).HasMaxLength(50);
        b.HasIndex(w => new { w.JurisdictionId, w.Key }).IsUnique();
    }
}

internal sealed class IncentiveBudgetConfig : IEntityTypeConfiguration<IncentiveBudget>
{
    public void Configure(EntityTypeBuilder<IncentiveBudget> b)
    {
        b.ToTable("IncentiveBudgets");
        b.Property(x => x.Fund).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasIndex(x => new { x.JurisdictionId, x.Year, x.Fund }).IsUnique();
    }
}

internal sealed class IncentivePackConfig : IEntityTypeConfiguration<IncentivePack>
{
    public void Configure(EntityTypeBuilder<IncentivePack> b)
    {
        b.ToTable("IncentivePacks");
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.StackingClause).HasMaxLength(500);
        b.Property(x => x.StackingSource).HasMaxLength(300);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class IncentiveApplicationConfig : IEntityTypeConfiguration<IncentiveApplication>
{
    public void Configure(EntityTypeBuilder<IncentiveApplication> b)
    {
        b.ToTable("IncentiveApplications");
        b.Property(a => a.Number).HasMaxLength(20);
        b.Property(a => a.State).HasMaxLength(40);
        b.Property(a => a.Category).HasMaxLength(100);
        b.Property(a => a.Note).HasMaxLength(2000);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.BudgetOverrideReason).HasMaxLength(1000);
        b.Property(a => a.BudgetOverrideBy).HasMaxLength(100);
        foreach (var money in new[] { nameof(IncentiveApplication.PurchaseAmount), nameof(IncentiveApplication.LoanPrincipal), nameof(IncentiveApplication.Ceiling),
                     nameof(IncentiveApplication.ApprovedAmount), nameof(IncentiveApplication.PaidAmount) })
            b.Property(money).HasPrecision(18, 2);
        b.Property(a => a.LoanRate).HasPrecision(9, 6);
        b.HasIndex(a => new { a.JurisdictionId, a.Number }).IsUnique();
        b.HasIndex(a => a.State);
        b.HasIndex(a => a.ProjectId);
        b.HasIndex(a => a.EnterpriseId);
        b.HasOne<IncentiveMeasure>().WithMany().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(a => a.ChainId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApplicationFileConfig : IEntityTypeConfiguration<ApplicationFile>
{
    public void Configure(EntityTypeBuilder<ApplicationFile> b)
    {
        b.ToTable("IncentiveApplicationFiles");
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.Alternative).HasMaxLength(200);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(100);
        b.HasIndex(f => f.ApplicationId);
        b.HasOne<IncentiveApplication>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationEventConfig : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("IncentiveApplicationEvents");
        b.Property(e => e.Stage).HasMaxLength(40);
        b.Property(e => e.StageName).HasMaxLength(100);
        b.Property(e => e.UserName).HasMaxLength(100);
        b.Property(e => e.UnitKey).HasMaxLength(80);
        b.Property(e => e.UnitName).HasMaxLength(100);
        b.Property(e => e.Text).HasMaxLength(2000);
        b.Property(e => e.Amount).HasPrecision(18, 2);
        b.HasIndex(e => e.ApplicationId);
        b.HasOne<IncentiveApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncentivePaymentConfig : IEntityTypeConfiguration<IncentivePayment>
{
    public void Configure(EntityTypeBuilder<IncentivePayment> b)
    {
        b.ToTable("IncentivePayments");
        b.Property(p => p.Voucher).HasMaxLength(100);
        b.Property(p => p.RecordedBy).HasMaxLength(100);
        b.Property(p => p.Amount).HasPrecision(18, 2);
        b.Property(p => p.Fund).HasMaxLength(100);
        b.HasIndex(p => p.ApplicationId);
        // One voucher pays once: the same 凭证号 twice in a fund's year is the same payment recorded twice (issue 15 item 12).
        b.HasIndex(p => new { p.FundJurisdictionId, p.Fund, p.Year, p.Voucher }).IsUnique();
        b.HasOne<IncentiveApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
