using Qianglian.Core.Policies;

namespace Qianglian.Core.Tests.Policies;

public class UnitNameMatcherTests
{
    private static readonly KnownUnit Jxj = new("xiqu.jxj", "区经济和信息化局", "510403", []);
    private static readonly KnownUnit Czj = new("xiqu.czj", "区财政局", "510403", []);
    private static readonly KnownUnit Kjj = new("xiqu.kjj", "区科技局", "510403", []);
    private static readonly KnownUnit Zrj = new("xiqu.zrj", "市自然资源和规划局西区分局", "510403", ["市自然资源规划局西区分局"]);
    private static readonly UnitNameMatcher Matcher = new([Jxj, Czj, Kjj, Zrj]);

    [Fact]
    public void Exact_name_matches() => Assert.Equal((UnitMatchKind.Exact, Jxj), Pair(Matcher.Match("区经济和信息化局")));

    [Fact]
    public void Declared_alias_matches() => Assert.Equal((UnitMatchKind.Alias, Zrj), Pair(Matcher.Match("市自然资源规划局西区分局")));

    [Fact]
    public void Abbreviation_matches_by_rule() => Assert.Equal((UnitMatchKind.Abbreviation, Jxj), Pair(Matcher.Match("区经信局")));

    [Theory]
    [InlineData("区经信局", "区经济和信息化局")]
    [InlineData("市经信局", "市经济和信息化局")]
    [InlineData("市发改委", "市发展改革委")]
    [InlineData("市发改委", "市发展和改革委员会")]
    [InlineData("市工信局", "市工业和信息化局")]
    [InlineData("市住房城乡建设局", "市住房和城乡建设局")]
    [InlineData("市住建局", "市住房和城乡建设局")]
    [InlineData("市自然资源规划局", "市自然资源和规划局")]
    [InlineData("市自规局", "市自然资源和规划局")]
    [InlineData("市人力资源社会保障局", "市人社局")]
    [InlineData("区人力社保局", "区人力资源和社会保障局")]
    [InlineData("市市场监管局", "市市场监督管理局")]
    [InlineData("区经济信息委", "区经济和信息化委员会")]
    [InlineData("区规划自然资源局", "区规划和自然资源局")]
    [InlineData("区发展改革局", "区发展和改革局")]
    public void Long_and_short_forms_are_one_unit(string a, string b) => Assert.Equal(UnitNames.Canonical(a), UnitNames.Canonical(b));

    [Theory]
    [InlineData("区财政局", "市财政局")]
    [InlineData("区科技局", "区经信局")]
    [InlineData("区发展改革局", "区发展改革委")]
    [InlineData("市自然资源规划局", "区规划自然资源局")]
    public void Different_units_stay_different(string a, string b) => Assert.NotEqual(UnitNames.Canonical(a), UnitNames.Canonical(b));

    [Theory]
    [InlineData("各县（区）", CatchAllKind.AllCounties)]
    [InlineData("各县（市、区）政府", CatchAllKind.AllCounties)]
    [InlineData("各县（市、区）人民政府", CatchAllKind.AllCounties)]
    [InlineData("各产业链牵头部门", CatchAllKind.AllChainLeadDepartments)]
    [InlineData("各产业链配合部门", CatchAllKind.AllChainCooperatingDepartments)]
    [InlineData("区级相关部门", CatchAllKind.AllRelevantDepartments)]
    [InlineData("市级有关部门", CatchAllKind.AllRelevantDepartments)]
    [InlineData("各行业主管部门", CatchAllKind.AllRelevantDepartments)]
    [InlineData("各乡镇街道", CatchAllKind.AllTownships)]
    public void Catch_alls_are_classified(string name, CatchAllKind kind)
    {
        var match = Matcher.Match(name);
        Assert.Equal(UnitMatchKind.CatchAll, match.Kind);
        Assert.Equal(kind, match.CatchAll);
    }

    [Fact]
    public void Unknown_names_are_reported_as_unknown_with_the_raw_name()
    {
        var match = Matcher.Match("区不存在局");
        Assert.Equal(UnitMatchKind.Unknown, match.Kind);
        Assert.Equal("区不存在局", match.RawName);
        Assert.Null(match.Unit);
    }

    [Fact]
    public void Two_units_with_one_abbreviation_are_never_guessed()
    {
        var matcher = new UnitNameMatcher([new("a", "区经济和信息化局", "1", []), new("b", "区经济信息化局", "2", [])]);
        Assert.Equal(UnitMatchKind.Unknown, matcher.Match("区经信局").Kind);
    }

    private static (UnitMatchKind, KnownUnit?) Pair(UnitMatch m) => (m.Kind, m.Unit);
}
