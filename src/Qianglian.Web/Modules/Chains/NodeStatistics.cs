using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// Derived data, never edited by anyone: a node's local enterprises (inside its chain's jurisdiction, link not
/// rejected) counted once — how many, how many confirmed, how many 链主. <see cref="ChainStatistics"/> recomputes the
/// row whenever a link, an enterprise or a chain it depends on changes; the panorama map reads it instead of every link.
/// A node with no local enterprise has no row.
/// </summary>
public sealed class NodeStatistics
{
    public Guid NodeId { get; set; }
    public Guid ChainId { get; set; }
    public int LocalCount { get; set; }
    public int ConfirmedCount { get; set; }
    public int LeaderCount { get; set; }
}

/// <summary>
/// Derived data: a node's figures of one year — its local 规上 count and local output, from the local enterprises'
/// facts of that year — and how many of all its links (any evidence, any place) have facts that year, which tells the
/// map which years have data. One row per node and year in which any of its enterprises has facts.
/// </summary>
public sealed class NodeYearStatistics
{
    public Guid NodeId { get; set; }
    public int Year { get; set; }
    public Guid ChainId { get; set; }
    public int AboveScaleCount { get; set; }
    public decimal LocalOutput { get; set; }
    public int LinksWithFacts { get; set; }
}

internal sealed class NodeStatisticsConfig : IEntityTypeConfiguration<NodeStatistics>
{
    public void Configure(EntityTypeBuilder<NodeStatistics> b)
    {
        b.ToTable("ChainNodeStatistics");
        b.HasKey(s => s.NodeId);
        b.HasIndex(s => s.ChainId);
        b.HasOne<ChainNode>().WithOne().HasForeignKey<NodeStatistics>(s => s.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NodeYearStatisticsConfig : IEntityTypeConfiguration<NodeYearStatistics>
{
    public void Configure(EntityTypeBuilder<NodeYearStatistics> b)
    {
        b.ToTable("ChainNodeYearStatistics");
        b.HasKey(s => new { s.NodeId, s.Year });
        b.HasIndex(s => new { s.ChainId, s.Year });
        b.Property(s => s.LocalOutput).HasPrecision(18, 2);
        b.HasOne<ChainNode>().WithMany().HasForeignKey(s => s.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
