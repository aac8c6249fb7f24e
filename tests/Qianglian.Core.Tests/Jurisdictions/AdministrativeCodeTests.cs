using Qianglian.Core.Jurisdictions;

namespace Qianglian.Core.Tests.Jurisdictions;

public class AdministrativeCodeTests
{
    [Theory]
    [InlineData("510000", AdministrativeLevel.Province)]
    [InlineData("510400", AdministrativeLevel.City)]
    [InlineData("510403", AdministrativeLevel.County)]
    [InlineData("511700", AdministrativeLevel.City)]
    [InlineData("610000", AdministrativeLevel.Province)]
    [InlineData("610900", AdministrativeLevel.City)]
    [InlineData("500000", AdministrativeLevel.Province)]
    [InlineData("500114", AdministrativeLevel.County)]
    public void Real_codes_and_their_level(string code, AdministrativeLevel level)
    {
        var check = AdministrativeCode.Check(code);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(level, check.Level);
    }

    [Theory]
    [InlineData("51040", "6位数字")]
    [InlineData("51040A", "6位数字")]
    [InlineData("991000", "“99”不是省级代码")]
    [InlineData("", "6位数字")]
    public void Invalid_codes_are_refused_with_the_reason(string code, string reason)
    {
        var check = AdministrativeCode.Check(code);
        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Error);
    }

    [Theory]
    [InlineData("510400", "510000", true)]
    [InlineData("510403", "510400", true)]
    [InlineData("500114", "500000", true)]  // a Chongqing district under the municipality
    [InlineData("510403", "510000", false)] // a Sichuan county needs its city
    [InlineData("511700", "610000", false)]
    [InlineData("510403", "511700", false)]
    public void Parents(string code, string parent, bool fits) =>
        Assert.Equal(fits, AdministrativeCode.CheckParent(code, parent).IsValid);

    [Theory]
    [InlineData("510400-VT", "510400", true)]
    [InlineData("500114-ZY", "500114", true)]
    [InlineData("510401-VT", "510400", false)]
    [InlineData("510400_VT", "510400", false)]
    [InlineData("510400-toolong", "510400", false)]
    public void Parks(string code, string parent, bool valid) =>
        Assert.Equal(valid, AdministrativeCode.CheckPark(code, parent).IsValid);
}
