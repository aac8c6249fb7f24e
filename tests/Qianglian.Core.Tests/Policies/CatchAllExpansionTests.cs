using Qianglian.Core.Policies;

namespace Qianglian.Core.Tests.Policies;

public class CatchAllExpansionTests
{
    private static readonly Guid Dongqu = Guid.NewGuid(), Xiqu = Guid.NewGuid(), Renhe = Guid.NewGuid(), Jxj = Guid.NewGuid(), Kjj = Guid.NewGuid(), Czj = Guid.NewGuid();

    [Fact]
    public void Each_county_with_one_government_unit_gets_its_task_and_the_others_are_named_as_gaps()
    {
        var expansion = CatchAllExpansion.Expand(CatchAllKind.AllCounties,
            [new("东区", [Dongqu]), new("西区", [Xiqu]), new("米易县", []), new("盐边县", [Renhe, Guid.NewGuid()])], [], []);
        Assert.Equal([(Dongqu, "东区"), (Xiqu, "西区")], expansion.Units.Select(u => (u.UnitId, u.Via)));
        Assert.Equal(2, expansion.Gaps.Count);
        Assert.StartsWith("米易县：未登记人民政府单位", expansion.Gaps[0]);
        Assert.StartsWith("盐边县：登记了多个人民政府单位", expansion.Gaps[1]);
    }

    [Fact]
    public void A_place_without_counties_expands_to_nothing_and_says_so()
    {
        var expansion = CatchAllExpansion.Expand(CatchAllKind.AllCounties, [], [], []);
        Assert.Empty(expansion.Units);
        Assert.Single(expansion.Gaps);
    }

    [Fact]
    public void Chain_lead_departments_one_task_per_unit_naming_every_chain_it_leads_and_chains_without_a_lead_are_gaps()
    {
        ChainUnits[] chains = [new("钒钛", Jxj, [Czj]), new("光伏", Kjj, []), new("钢铁", Jxj, [Czj, Kjj]), new("低空", null, [])];
        var leads = CatchAllExpansion.Expand(CatchAllKind.AllChainLeadDepartments, [], chains, []);
        Assert.Equal([(Jxj, "钒钛、钢铁"), (Kjj, "光伏")], leads.Units.Select(u => (u.UnitId, u.Via)));
        Assert.Equal(["低空：未设牵头部门 (no lead department)"], leads.Gaps);

        var cooperating = CatchAllExpansion.Expand(CatchAllKind.AllChainCooperatingDepartments, [], chains, []);
        Assert.Equal([(Czj, "钒钛、钢铁"), (Kjj, "钢铁")], cooperating.Units.Select(u => (u.UnitId, u.Via)));
        Assert.Equal(2, cooperating.Gaps.Count);
    }

    [Fact]
    public void Host_and_collaborating_places_give_their_governments_one_task_each_and_chains_without_places_are_gaps()
    {
        var (tongchuan, dachuan, park) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        ChainPlaces[] chains =
        [
            new("天然气化工", [new("通川区", [tongchuan]), new("达州高新区", [park])], [new("达川区", [dachuan])]),
            new("能源化工", [new("通川区", [tongchuan])], []),
            new("智能制造", [], [new("宣汉县", [])]),
        ];
        var hosts = CatchAllExpansion.Expand(CatchAllKind.AllChainHostGovernments, [], [], [], chains);
        Assert.Equal([(tongchuan, "天然气化工、能源化工"), (park, "天然气化工")], hosts.Units.Select(u => (u.UnitId, u.Via)));
        Assert.Equal(["智能制造：未设主要承载地 (no host place set)"], hosts.Gaps);

        var collaborating = CatchAllExpansion.Expand(CatchAllKind.AllChainCollaboratingGovernments, [], [], [], chains);
        Assert.Equal([(dachuan, "天然气化工")], collaborating.Units.Select(u => (u.UnitId, u.Via)));
        Assert.Equal(["能源化工：未设协同发展地 (no collaborating place set)", "智能制造：宣汉县未登记人民政府单位 (no government unit registered)"], collaborating.Gaps);

        Assert.Equal(["未登记产业链 (no chain registered)"], CatchAllExpansion.Expand(CatchAllKind.AllChainHostGovernments, [], [], [], []).Gaps);
    }

    [Fact]
    public void Townships_each_and_relevant_departments_never_expand()
    {
        var townships = CatchAllExpansion.Expand(CatchAllKind.AllTownships, [], [], [Dongqu, Xiqu]);
        Assert.Equal([Dongqu, Xiqu], townships.Units.Select(u => u.UnitId));
        Assert.Empty(townships.Gaps);
        Assert.Single(CatchAllExpansion.Expand(CatchAllKind.AllTownships, [], [], []).Gaps);
        // 区级相关部门, 各行业主管部门, unknown names: the office assigns them (待分派).
        Assert.Empty(CatchAllExpansion.Expand(CatchAllKind.AllRelevantDepartments, [new("东区", [Dongqu])], [new("钒钛", Jxj, [])], [Xiqu]).Units);
        Assert.Empty(CatchAllExpansion.Expand(null, [new("东区", [Dongqu])], [], []).Units);
    }

    [Theory]
    [InlineData(PlaceKind.County, false, true, false, "通川区人民政府", true)]
    [InlineData(PlaceKind.County, false, false, true, "东区人民政府", true)]
    [InlineData(PlaceKind.County, false, false, true, "万源市人民政府", true)]
    [InlineData(PlaceKind.County, false, false, true, "东区经济和信息化局", false)]
    [InlineData(PlaceKind.County, false, false, false, "中共东区委员会办公室政府", false)]
    [InlineData(PlaceKind.Park, true, false, false, "安康高新区管委会", true)]
    [InlineData(PlaceKind.Park, false, false, true, "安康高新区财政局", false)]
    [InlineData(PlaceKind.Park, false, true, false, "汉滨区人民政府", false)]
    [InlineData(PlaceKind.Other, false, false, true, "攀枝花市人民政府", false)]
    public void The_unit_that_answers_for_a_place(PlaceKind place, bool parkCommittee, bool countyGovernment, bool government, string name, bool answers) =>
        Assert.Equal(answers, PlaceUnit.AnswersFor(place, parkCommittee, countyGovernment, government, name));

    [Fact]
    public void A_document_may_name_the_place_for_the_unit_that_answers_for_it()
    {
        var matcher = new UnitNameMatcher([
            new("ankang.gxqgwh", "安康高新区管委会", "610900-GX", [], "安康高新区"),
            new("ankang.hkgwh", "恒口示范区管委会", "610900-HK", [], "恒口示范区"),
            new("ankang.czj", "市财政局", "610900", []),
        ]);
        var park = matcher.Match("安康高新区");
        Assert.Equal(UnitMatchKind.Place, park.Kind);
        Assert.Equal("ankang.gxqgwh", park.Unit!.Key);
        Assert.Equal(UnitMatchKind.Exact, matcher.Match("恒口示范区管委会").Kind);
        Assert.Equal(UnitMatchKind.Unknown, matcher.Match("恒口").Kind);
    }

    [Theory]
    [InlineData("各乡镇（街道）", CatchAllKind.AllTownships)]
    [InlineData("各县（市、区）人民政府", CatchAllKind.AllCounties)]
    public void The_issue_spellings_are_catch_alls(string name, CatchAllKind kind) => Assert.Equal(kind, UnitNameMatcher.CatchAllOf(name));
}
