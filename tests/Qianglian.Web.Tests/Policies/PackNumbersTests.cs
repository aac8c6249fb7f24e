using Qianglian.Core.Packs;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Policies.Packs;

namespace Qianglian.Web.Tests.Policies;

/// <summary>
/// Faithful to the text: every number of every pack file is written in the clause its section quotes, or sits in a
/// section labelled <c>default: true</c> with its <c>basis</c> (issue 14 item 8). No database: the files as shipped.
/// </summary>
public sealed class PackNumbersTests
{
    public static TheoryData<string> PackFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.Packs).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(folder));
        return data;
    }

    [Theory]
    [MemberData(nameof(PackFolders))]
    public void Every_number_of_a_pack_is_cited_to_its_clause_or_labelled_a_platform_default(string pack)
    {
        var numbers = PackNumberReader.Read(Path.Combine(RepositoryPaths.Packs, pack));
        Assert.NotEmpty(numbers);
        var unlabelled = numbers.Where(n => n.Basis == NumberBasis.Unlabelled).Select(n => $"{pack}/{n.File}: {n.Path} = {n.Value}（{n.Why}）").ToList();
        Assert.True(unlabelled.Count == 0, "未引条款也未标为平台默认值的数字：\n" + string.Join("\n", unlabelled));
    }

    /// <summary>The numbers item 8 names: each is a labelled platform default, not a figure of the text.</summary>
    public static readonly TheoryData<string, string, string> NamedDefaults = new()
    {
        { "xiqu", "supervision.yaml", "assessment.reporting" },
        { "xiqu", "supervision.yaml", "matching.node" },
        { "xiqu", "supervision.yaml", "escalation.days.local" },
        { "xiqu", "incentives.yaml", "workflows[0].stages[0].deadlineDays" },
        { "qianjiang", "projects.yaml", "warnings.signedNotStarted.yellowMonths" },
        { "qianjiang", "projects.yaml", "dispatch.laggardMarginPoints" },
        { "ankang", "projects.yaml", "dispatch.dueDay" },
        { "ankang", "incentives.yaml", "workflows[0].stages[0].deadlineDays" },
        { "dazhou", "supervision.yaml", "reporting.dueDay" },
        { "dazhou", "evaluation.yaml", "indices[0].index.model.indicators[0].weight" },
        { "panzhihua", "supervision.yaml", "assessment.rating" },
    };

    [Theory]
    [MemberData(nameof(NamedDefaults))]
    public void The_numbers_no_seed_sets_are_labelled_platform_defaults_with_their_basis(string pack, string file, string path)
    {
        var number = PackNumberReader.Read(Path.Combine(RepositoryPaths.Packs, pack)).Single(n => n.File == file && n.Path == path);
        Assert.Equal(NumberBasis.PlatformDefault, number.Basis);
        Assert.Contains("平台默认", number.Why);
    }

    [Fact]
    public void Qianjiang_report_day_is_cited_to_its_clause_and_not_called_a_default()
    {
        var day = PackNumberReader.Read(Path.Combine(RepositoryPaths.Packs, "qianjiang")).Single(n => n.File == "supervision.yaml" && n.Path == "reporting.dueDay");
        Assert.Equal(NumberBasis.Cited, day.Basis);
        Assert.Contains("于每月1日前报送", day.Why);
    }
}
