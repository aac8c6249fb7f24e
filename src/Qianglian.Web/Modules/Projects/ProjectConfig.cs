using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Projects;

internal sealed class ProjectConfig : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.HasIndex(p => new { p.JurisdictionId, p.Name }).IsUnique();
        b.HasIndex(p => p.Stage);
        foreach (var money in new[] { nameof(Project.TotalInvestment), nameof(Project.EquipmentInvestment), nameof(Project.NewOutputValue) })
            b.Property(money).HasPrecision(18, 2);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Chain>().WithMany().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChainNode>().WithMany().HasForeignKey(p => p.NodeId).OnDelete(DeleteBehavior.SetNull);
    }
}
