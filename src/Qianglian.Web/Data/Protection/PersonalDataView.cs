using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Data.Protection;

/// <summary>
/// One showing of a personal-data value in full: who, which field of which row, when (GB/T 22239-2019 8.1.4.3 审计;
/// GB/T 35273-2020 7.2 访问控制). Scoped to the jurisdiction of the row shown, so whoever audits that subtree sees it;
/// inserted through the context, so the audit chain records it too and it cannot be removed unnoticed.
/// </summary>
public sealed class PersonalDataView : ScopedEntity
{
    /// <summary>The field, as <see cref="PersonalDataField.Name"/> (e.g. <c>AppUser.PhoneNumber</c>).</summary>
    public string Field { get; set; } = "";
    /// <summary>The key of the row whose value was shown.</summary>
    public string EntityKey { get; set; } = "";
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>"api" or "page".</summary>
    public string Channel { get; set; } = "";
}

internal sealed class PersonalDataViewConfig : IEntityTypeConfiguration<PersonalDataView>
{
    public void Configure(EntityTypeBuilder<PersonalDataView> b)
    {
        b.Property(x => x.Field).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.HasIndex(x => new { x.Field, x.EntityKey });
    }
}
