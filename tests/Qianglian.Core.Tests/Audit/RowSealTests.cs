using Qianglian.Core.Audit;

namespace Qianglian.Core.Tests.Audit;

public class RowSealTests
{
    private static List<byte[]> Rows(params string?[][] rows) => rows.Select(r => RowSeal.Row(r)).ToList();

    [Fact]
    public void The_seal_does_not_depend_on_the_order_rows_are_read_in()
    {
        Assert.Equal(RowSeal.Of(Rows(["a", "1"], ["b", "2"], ["c", null])), RowSeal.Of(Rows(["c", null], ["a", "1"], ["b", "2"])));
    }

    [Fact]
    public void A_changed_added_repeated_or_removed_row_changes_the_seal()
    {
        var seal = RowSeal.Of(Rows(["a", "1"], ["b", "2"]));
        Assert.NotEqual(seal, RowSeal.Of(Rows(["a", "1"], ["b", "3"])));
        Assert.NotEqual(seal, RowSeal.Of(Rows(["a", "1"], ["b", "2"], ["c", "3"])));
        Assert.NotEqual(seal, RowSeal.Of(Rows(["a", "1"], ["b", "2"], ["b", "2"])));
        Assert.NotEqual(seal, RowSeal.Of(Rows(["a", "1"])));
    }

    [Fact]
    public void Fields_are_kept_apart_and_null_is_not_empty()
    {
        Assert.NotEqual(RowSeal.Row(["ab", "c"]), RowSeal.Row(["a", "bc"]));
        Assert.NotEqual(RowSeal.Row(["a", null]), RowSeal.Row(["a", ""]));
        Assert.Equal(RowSeal.Row(["说明", "1"]), RowSeal.Row(["说明", "1"]));
    }
}
