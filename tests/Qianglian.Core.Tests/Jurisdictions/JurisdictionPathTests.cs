using Qianglian.Core.Jurisdictions;

namespace Qianglian.Core.Tests.Jurisdictions;

public sealed class JurisdictionPathTests
{
    private const string Nation = "/100000/", Sichuan = "/100000/510000/", Panzhihua = "/100000/510000/510400/", Xiqu = "/100000/510000/510400/510403/",
        Dazhou = "/100000/510000/511700/";

    [Fact]
    public void A_place_and_every_ancestor_root_first() =>
        Assert.Equal([Nation, Sichuan, Panzhihua, Xiqu], JurisdictionPath.SelfAndAncestors(Xiqu));

    [Fact]
    public void The_root_scope_has_no_ancestors() => Assert.Empty(JurisdictionPath.SelfAndAncestors("/"));

    [Fact]
    public void Within_is_the_place_itself_or_below_it()
    {
        Assert.True(JurisdictionPath.IsWithin(Xiqu, Panzhihua));
        Assert.True(JurisdictionPath.IsWithin(Xiqu, Xiqu));
        Assert.False(JurisdictionPath.IsWithin(Panzhihua, Xiqu));
        // A code that merely starts like another's is not below it: paths end in "/".
        Assert.False(JurisdictionPath.IsWithin("/100000/510000/5104001/", Panzhihua));
    }

    [Fact]
    public void In_line_is_up_or_down_never_sideways()
    {
        Assert.True(JurisdictionPath.InLine(Xiqu, Panzhihua));
        Assert.True(JurisdictionPath.InLine(Panzhihua, Xiqu));
        Assert.False(JurisdictionPath.InLine(Xiqu, Dazhou));
    }
}
