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

    [Fact]
    public void Typed_fields_hash_as_their_canonical_text()
    {
        var id = Guid.Parse("01a24a5d-3f68-7f60-9ef5-78f4b492c6b0");
        var typed = new RowSealBuilder().Add(id).Add((Guid?)null).Add(12.5m).Add((decimal?)null).Add(3).Add(true).Add("说明").Hash();
        Assert.Equal(RowSeal.Row(["01a24a5d3f687f609ef578f4b492c6b0", null, "12.50", null, "3", "1", "说明"]), typed);
        Assert.NotEqual(typed, new RowSealBuilder().Add(id).Add((Guid?)null).Add(12.51m).Add((decimal?)null).Add(3).Add(true).Add("说明").Hash());
    }

    [Fact]
    public void A_long_field_grows_the_buffer_and_the_builder_starts_afresh_after_each_hash()
    {
        var builder = new RowSealBuilder();
        var text = new string('链', 2000);
        Assert.Equal(RowSeal.Row([text, "x"]), builder.Add(text).Add("x").Hash());
        Assert.Equal(RowSeal.Row(["y"]), builder.Add("y").Hash());
    }
}
