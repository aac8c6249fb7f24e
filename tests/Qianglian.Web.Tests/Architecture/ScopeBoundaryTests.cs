using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Architecture;

/// <summary>
/// The jurisdiction boundary has one front door: only the named reads of <c>Data/Scoping/</c> lift a query filter
/// (and the audit chain's head, which every save links to), each lifts the filters it names, and pages reach data only
/// through operations. These rules read the source and the compiled pages, so a new crossing fails here, not in review.
/// </summary>
public sealed partial class ScopeBoundaryTests
{
    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src");

    /// <summary>Where a filter may be lifted: the doors, the write guard, and the audit chain's head.</summary>
    private static readonly string[] Doors = ["src/Qianglian.Web/Data/Scoping/", "src/Qianglian.Web/Data/Audit/AuditTrail.cs"];

    /// <summary>The doors that must see every row, hidden by either filter: a natural key is unique everywhere, a fund's totals are the fund's.</summary>
    private static readonly string[] EveryRow = ["src/Qianglian.Web/Data/Scoping/NaturalKeys.cs", "src/Qianglian.Web/Data/Scoping/FundTotals.cs"];

    /// <summary>
    /// The doors that choose the filters to lift by who is asking (a poster or a supplier is hidden from an official by
    /// its place, from an enterprise user by its owner): their list is computed, so the line does not name it.
    /// </summary>
    private static readonly string[] ChosenPerCaller = ["src/Qianglian.Web/Data/Scoping/PublishedPosts.cs", "src/Qianglian.Web/Data/Scoping/Suppliers.cs"];

    [GeneratedRegex(@"IgnoreQueryFilters\s*\((?<args>[^)]*)\)")]
    private static partial Regex Lifting();

    private static IEnumerable<(string File, int Line, string Arguments)> Lifts() =>
        Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (File: Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'), Line: i + 1, Text: text)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(l => Lifting().Matches(l.Text).Select(m => (l.File, l.Line, m.Groups["args"].Value.Trim())));

    [Fact]
    public void Only_the_doors_lift_a_query_filter()
    {
        var outside = Lifts().Where(l => !Doors.Any(d => l.File.StartsWith(d, StringComparison.Ordinal))).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(outside.Count == 0, "IgnoreQueryFilters outside Data/Scoping (use a door): " + string.Join(", ", outside));
    }

    [Fact]
    public void Every_lift_names_its_filters_and_only_the_every_row_doors_lift_both()
    {
        var lifts = Lifts().ToList();
        Assert.NotEmpty(lifts);
        var bare = lifts.Where(l => l.Arguments.Length == 0).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(bare.Count == 0, "IgnoreQueryFilters() lifts every filter (name the one it must): " + string.Join(", ", bare));
        var both = lifts.Where(l => l.Arguments.Contains("ScopeFilters.Jurisdiction", StringComparison.Ordinal) && l.Arguments.Contains("ScopeFilters.Enterprise", StringComparison.Ordinal))
            .Where(l => !EveryRow.Contains(l.File)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(both.Count == 0, "lifting both filters is for the doors that must see every row: " + string.Join(", ", both));
        var computed = lifts.Where(l => l.Arguments.Length > 0 && !l.Arguments.Contains("ScopeFilters.", StringComparison.Ordinal))
            .Where(l => !ChosenPerCaller.Contains(l.File)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(computed.Count == 0, "a lift whose filters are computed, not named, outside the doors that choose them per caller: " + string.Join(", ", computed));
    }

    [Fact]
    public void Pages_reach_data_only_through_operations()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Qianglian.Web.Components")
            .ShouldNot().HaveDependencyOnAny("Qianglian.Web.Data.AppDb", "Qianglian.Web.Data.AppDbContext", "Qianglian.Web.Data.DatabaseOptions",
                "Microsoft.EntityFrameworkCore.DbContext", "Microsoft.EntityFrameworkCore.DbSet", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions")
            .GetResult();
        Assert.True(result.IsSuccessful, "pages that use the database directly: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>Derived rows are a registration their module makes (IDerivedRows), not a call from every save up into the module.</summary>
    [Fact]
    public void Saves_reach_derived_rows_through_their_registration()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Qianglian.Web.Data")
            .ShouldNot().HaveDependencyOnAny("Qianglian.Web.Modules.Chains.ChainStatistics")
            .GetResult();
        Assert.True(result.IsSuccessful, "the data layer calls up into a module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
