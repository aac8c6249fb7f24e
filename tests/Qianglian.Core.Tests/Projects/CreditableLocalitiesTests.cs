using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

public class CreditableLocalitiesTests
{
    private const string Panzhihua = "/100000/510000/510400/", Xiqu = "/100000/510000/510400/510403/", XiquPark = "/100000/510000/510400/510403/510403-VT/";
    private static readonly Guid XiquId = Guid.NewGuid(), ParkId = Guid.NewGuid(), DongquId = Guid.NewGuid(), RenheId = Guid.NewGuid(), DazhouId = Guid.NewGuid();

    [Fact]
    public void A_writer_may_credit_any_locality_of_its_own_subtree()
    {
        Assert.True(CreditableLocalities.MayCredit(XiquId, Xiqu, Xiqu, ChainLocalities.None));
        Assert.True(CreditableLocalities.MayCredit(ParkId, XiquPark, Xiqu, ChainLocalities.None));
        Assert.True(CreditableLocalities.MayCredit(XiquId, Xiqu, Panzhihua, ChainLocalities.None));
        Assert.True(CreditableLocalities.MayCredit(XiquId, Xiqu, "/", ChainLocalities.None)); // the system scope
    }

    [Fact]
    public void A_locality_outside_the_subtree_is_creditable_only_when_the_chain_names_it()
    {
        // 达州 crediting 西区: no chain ties them (the defect of issue 13).
        Assert.False(CreditableLocalities.MayCredit(XiquId, null, "/100000/510000/511700/", ChainLocalities.None));
        Assert.False(CreditableLocalities.MayCredit(DongquId, null, Xiqu, ChainLocalities.None));
        var chain = new ChainLocalities([XiquId], [DongquId]);
        Assert.True(CreditableLocalities.MayCredit(DongquId, null, Xiqu, chain));
        Assert.True(CreditableLocalities.MayCredit(DongquId, null, Xiqu, new ChainLocalities([DongquId], [])));
        Assert.False(CreditableLocalities.MayCredit(RenheId, null, Xiqu, chain));
    }

    [Fact]
    public void A_visible_path_outside_the_scope_does_not_make_a_locality_creditable()
    {
        // A path above the writer (its city) is not its subtree.
        Assert.False(CreditableLocalities.MayCredit(Guid.NewGuid(), Panzhihua, Xiqu, ChainLocalities.None));
    }

    [Fact]
    public void Refused_lists_each_locality_the_writer_may_not_credit_once_in_order()
    {
        var visible = new Dictionary<Guid, string> { [XiquId] = Xiqu, [ParkId] = XiquPark };
        var chain = new ChainLocalities([], [DongquId]);
        Assert.Empty(CreditableLocalities.Refused([XiquId, ParkId, DongquId], visible, Xiqu, chain));
        Assert.Equal([DazhouId, RenheId], CreditableLocalities.Refused([XiquId, DazhouId, RenheId, DazhouId], visible, Xiqu, chain));
    }
}
