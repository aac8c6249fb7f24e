using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

internal sealed class CultivationModelConfig : IEntityTypeConfiguration<CultivationModel>
{
    public void Configure(EntityTypeBuilder<CultivationModel> b)
    {
        b.ToTable("CultivationModels");
        b.Property(m => m.Code).HasMaxLength(50);
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.ContentHash).HasMaxLength(64);
        b.Property(m => m.Origin).HasMaxLength(200);
        b.HasIndex(m => new { m.JurisdictionId, m.Kind, m.Code, m.Year, m.Revision }).IsUnique();
    }
}

internal sealed class CultivationProfileConfig : IEntityTypeConfiguration<CultivationProfile>
{
    public void Configure(EntityTypeBuilder<CultivationProfile> b)
    {
        b.ToTable("CultivationProfiles");
        b.HasIndex(p => p.EnterpriseId).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CultivationYearConfig : IEntityTypeConfiguration<CultivationYear>
{
    public void Configure(EntityTypeBuilder<CultivationYear> b)
    {
        b.ToTable("CultivationYears");
        b.HasIndex(y => new { y.EnterpriseId, y.Year }).IsUnique();
        foreach (var money in new[] { nameof(CultivationYear.MainBusinessRevenue), nameof(CultivationYear.TotalAssets), nameof(CultivationYear.TotalLiabilities), nameof(CultivationYear.EquityFinancing2y) })
            b.Property(money).HasPrecision(18, 2);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(y => y.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertScoreConfig : IEntityTypeConfiguration<ExpertScore>
{
    public void Configure(EntityTypeBuilder<ExpertScore> b)
    {
        b.ToTable("ExpertScores");
        b.Property(s => s.Key).HasMaxLength(50);
        b.Property(s => s.Reviewer).HasMaxLength(100);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.Score).HasPrecision(9, 2);
        b.HasIndex(s => new { s.Year, s.EnterpriseId, s.ChainId, s.Key }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Chain>().WithMany().HasForeignKey(s => s.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationRunConfig : IEntityTypeConfiguration<EvaluationRun>
{
    public void Configure(EntityTypeBuilder<EvaluationRun> b)
    {
        b.ToTable("EvaluationRuns");
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.ModelVersions).HasMaxLength(500);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.Notice).HasMaxLength(4000);
        b.Property(r => r.ResultsSeal).HasMaxLength(64);
        b.HasIndex(r => new { r.Kind, r.Year });
    }
}

internal sealed class EvaluationResultConfig : IEntityTypeConfiguration<EvaluationResult>
{
    public void Configure(EntityTypeBuilder<EvaluationResult> b)
    {
        b.ToTable("EvaluationResults");
        b.Property(r => r.Score).HasPrecision(9, 2);
        b.Property(r => r.Class).HasMaxLength(50);
        b.Property(r => r.ClassKey).HasMaxLength(50);
        b.Property(r => r.FinalClass).HasMaxLength(50);
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.DecisionNote).HasMaxLength(1000);
        b.Property(r => r.DecidedBy).HasMaxLength(100);
        // A province's run writes a million results: no foreign keys, only the indexes they are read by (a run's results
        // by score, an enterprise's results) — see ProvinceScaleRowsAttribute. Their run's seal stands for them.
        b.HasIndex(r => new { r.RunId, r.Score });
        b.HasIndex(r => r.EnterpriseId);
    }
}

internal sealed class ObjectionConfig : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("Objections");
        b.Property(o => o.Reason).HasMaxLength(2000);
        b.Property(o => o.Resolution).HasMaxLength(2000);
        b.Property(o => o.NewClass).HasMaxLength(50);
        b.Property(o => o.FiledBy).HasMaxLength(100);
        b.Property(o => o.ResolvedBy).HasMaxLength(100);
        b.HasIndex(o => o.RunId);
        b.HasOne<EvaluationResult>().WithMany().HasForeignKey(o => o.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TierMembershipConfig : IEntityTypeConfiguration<TierMembership>
{
    public void Configure(EntityTypeBuilder<TierMembership> b)
    {
        b.ToTable("TierMemberships");
        b.HasIndex(m => new { m.ChainId, m.EnterpriseId });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Chain>().WithMany().HasForeignKey(m => m.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TierExitConfig : IEntityTypeConfiguration<TierExit>
{
    public void Configure(EntityTypeBuilder<TierExit> b)
    {
        b.ToTable("TierExits");
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Notice).HasMaxLength(4000);
        b.HasIndex(x => x.ChainId);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Chain>().WithMany().HasForeignKey(x => x.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}
