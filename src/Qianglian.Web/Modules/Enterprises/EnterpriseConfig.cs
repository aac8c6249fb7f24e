using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Enterprises;

internal sealed class EnterpriseConfig : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.Property(e => e.Uscc).HasMaxLength(18);
        b.HasIndex(e => e.Uscc).IsUnique();
        b.Property(e => e.Name).HasMaxLength(200);
        b.HasIndex(e => e.Name);
        b.Property(e => e.Address).HasMaxLength(300);
        b.Property(e => e.IndustryCode).HasMaxLength(4);
        b.HasOne<Jurisdictions.Jurisdiction>().WithMany().HasForeignKey(e => e.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnterpriseYearFactConfig : IEntityTypeConfiguration<EnterpriseYearFact>
{
    public void Configure(EntityTypeBuilder<EnterpriseYearFact> b)
    {
        b.ToTable("EnterpriseYearFacts");
        b.HasIndex(f => new { f.EnterpriseId, f.Year }).IsUnique();
        b.HasIndex(f => f.Year);
        foreach (var money in new[] { nameof(EnterpriseYearFact.Revenue), nameof(EnterpriseYearFact.OutputValue), nameof(EnterpriseYearFact.ValueAdded),
                     nameof(EnterpriseYearFact.Profit), nameof(EnterpriseYearFact.TaxPaid), nameof(EnterpriseYearFact.RdSpend) })
            b.Property(money).HasPrecision(18, 2);
        foreach (var quantity in new[] { nameof(EnterpriseYearFact.EnergyTce), nameof(EnterpriseYearFact.ElectricityKwh),
                     nameof(EnterpriseYearFact.EmissionsTonnes), nameof(EnterpriseYearFact.LandMu) })
            b.Property(quantity).HasPrecision(18, 4);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(f => f.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EnterpriseHonourConfig : IEntityTypeConfiguration<EnterpriseHonour>
{
    public void Configure(EntityTypeBuilder<EnterpriseHonour> b)
    {
        b.ToTable("EnterpriseHonours");
        b.HasIndex(h => new { h.EnterpriseId, h.Kind, h.Level, h.Year }).IsUnique();
        b.Property(h => h.HolderName).HasMaxLength(200);
        b.Property(h => h.DocumentNumber).HasMaxLength(100);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(h => h.EnterpriseId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
    }
}
