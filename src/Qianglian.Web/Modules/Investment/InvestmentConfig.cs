using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

internal sealed class TargetEnterpriseConfig : IEntityTypeConfiguration<TargetEnterprise>
{
    public void Configure(EntityTypeBuilder<TargetEnterprise> b)
    {
        b.ToTable("TargetEnterprises");
        b.Property(t => t.EnterpriseName).HasMaxLength(200);
        b.Property(t => t.Uscc).HasMaxLength(18);
        b.Property(t => t.Location).HasMaxLength(100);
        b.Property(t => t.IndustryCode).HasMaxLength(4);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.HasIndex(t => new { t.ChainId, t.NodeId, t.EnterpriseName }).IsUnique();
        b.HasOne<Chain>().WithMany().HasForeignKey(t => t.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChainNode>().WithMany().HasForeignKey(t => t.NodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TargetPushConfig : IEntityTypeConfiguration<TargetPush>
{
    public void Configure(EntityTypeBuilder<TargetPush> b)
    {
        b.ToTable("TargetPushes");
        b.Property(t => t.ChainName).HasMaxLength(100);
        b.Property(t => t.NodeName).HasMaxLength(100);
        b.Property(t => t.EnterpriseName).HasMaxLength(200);
        b.Property(t => t.Uscc).HasMaxLength(18);
        b.Property(t => t.Location).HasMaxLength(100);
        b.Property(t => t.IndustryCode).HasMaxLength(4);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.Property(t => t.PushedBy).HasMaxLength(100);
        b.Property(t => t.AnsweredBy).HasMaxLength(100);
        b.Property(t => t.ReturnReason).HasMaxLength(1000);
        b.HasIndex(t => new { t.TargetId, t.JurisdictionId }).IsUnique();
        b.HasOne<TargetEnterprise>().WithMany().HasForeignKey(t => t.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeadConfig : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("Leads");
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.InvestorName).HasMaxLength(200);
        b.Property(l => l.InvestorUscc).HasMaxLength(18);
        b.Property(l => l.InvestorLocation).HasMaxLength(100);
        b.Property(l => l.IndustryCode).HasMaxLength(4);
        b.Property(l => l.PlannedInvestment).HasPrecision(18, 2);
        b.Property(l => l.TaskForce).HasMaxLength(200);
        b.Property(l => l.ResponsibleLeader).HasMaxLength(100);
        b.Property(l => l.Note).HasMaxLength(2000);
        b.Property(l => l.DropReason).HasMaxLength(1000);
        b.HasIndex(l => new { l.JurisdictionId, l.Name }).IsUnique();
        // Converted once: one lead per project.
        b.HasIndex(l => l.ProjectId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LeadFollowUpConfig : IEntityTypeConfiguration<LeadFollowUp>
{
    public void Configure(EntityTypeBuilder<LeadFollowUp> b)
    {
        b.ToTable("LeadFollowUps");
        b.Property(f => f.Note).HasMaxLength(2000);
        b.Property(f => f.By).HasMaxLength(100);
        b.HasIndex(f => f.LeadId);
        b.HasOne<Lead>().WithMany().HasForeignKey(f => f.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DealPackageConfig : IEntityTypeConfiguration<DealPackage>
{
    public void Configure(EntityTypeBuilder<DealPackage> b)
    {
        b.ToTable("DealPackages");
        b.Property(d => d.Terms).HasMaxLength(4000);
        b.Property(d => d.EstimatedValue).HasPrecision(18, 2);
        b.Property(d => d.SubmittedBy).HasMaxLength(100);
        b.Property(d => d.DecidedBy).HasMaxLength(100);
        b.Property(d => d.DecisionNote).HasMaxLength(1000);
        b.HasIndex(d => d.LeadId).IsUnique();
        b.HasOne<Lead>().WithMany().HasForeignKey(d => d.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FundsInPlaceConfig : IEntityTypeConfiguration<FundsInPlace>
{
    public void Configure(EntityTypeBuilder<FundsInPlace> b)
    {
        b.ToTable("FundsInPlace");
        b.Property(f => f.Amount).HasPrecision(18, 2);
        b.Property(f => f.Note).HasMaxLength(500);
        b.HasIndex(f => new { f.ProjectId, f.Year, f.Month }).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
