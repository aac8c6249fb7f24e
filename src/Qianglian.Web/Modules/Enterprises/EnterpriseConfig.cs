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
    }
}
