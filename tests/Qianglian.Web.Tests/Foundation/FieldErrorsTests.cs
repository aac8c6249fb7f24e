using Qianglian.Web.Api;
using Qianglian.Web.Components.Shared;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>A form shows a refusal at the fields it has; the rest is handed back to be reported the usual way.</summary>
public sealed class FieldErrorsTests
{
    [Fact]
    public void A_refusal_is_shown_at_the_forms_fields_and_the_rest_is_handed_back()
    {
        var form = new FieldErrors("mainBusinessRevenue", "rdStaff");
        var rest = form.Mark(new ValidationException(new Dictionary<string, string[]>
        {
            ["mainBusinessRevenue"] = ["主营业务收入不能为负数"], ["rdStaff"] = ["研发人员不能为负数：-3", "须为整数"], ["enterprise"] = ["企业不存在"],
        }));
        Assert.Equal("主营业务收入不能为负数", form["mainBusinessRevenue"]);
        Assert.Equal("研发人员不能为负数：-3；须为整数", form["rdStaff"]);
        Assert.False(form.Has("totalAssets"));
        Assert.Equal(["enterprise"], rest.Keys);

        Assert.Empty(form.Mark(new ValidationException("rdStaff", "须为整数")));
        Assert.False(form.Has("mainBusinessRevenue"));
        form.Clear();
        Assert.False(form.Any);
    }
}
