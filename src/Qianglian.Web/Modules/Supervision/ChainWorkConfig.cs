using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Supervision;

internal sealed class FieldVisitConfig : IEntityTypeConfiguration<FieldVisit>
{
    public void Configure(EntityTypeBuilder<FieldVisit> b)
    {
        b.ToTable("FieldVisits");
        b.Property(v => v.Place).HasMaxLength(200);
        b.Property(v => v.Participants).HasMaxLength(500);
        b.Property(v => v.Findings).HasMaxLength(4000);
        b.Property(v => v.RecordedBy).HasMaxLength(100);
        b.HasIndex(v => new { v.ChainId, v.VisitedOn });
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(v => v.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PromotionMeetingConfig : IEntityTypeConfiguration<PromotionMeeting>
{
    public void Configure(EntityTypeBuilder<PromotionMeeting> b)
    {
        b.ToTable("PromotionMeetings");
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Attendees).HasMaxLength(1000);
        b.Property(m => m.RecordedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.ChainId, m.HeldOn });
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(m => m.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignedMatterConfig : IEntityTypeConfiguration<AssignedMatter>
{
    public void Configure(EntityTypeBuilder<AssignedMatter> b)
    {
        b.ToTable("AssignedMatters");
        b.Property(m => m.Decision).HasMaxLength(2000);
        b.Property(m => m.CompletionNote).HasMaxLength(2000);
        b.Property(m => m.AssignedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.ChainId, m.Status });
        b.HasIndex(m => new { m.UnitId, m.Status });
        b.HasOne<Chains.Chain>().WithMany().HasForeignKey(m => m.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PromotionMeeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FieldVisit>().WithMany().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jurisdictions.GovernmentUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
