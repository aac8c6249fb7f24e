using Qianglian.Core.Enterprises;

namespace Qianglian.Core.Tests.Enterprises;

public class ClassificationTests
{
    [Theory]
    [InlineData("2614", 'C', 26)]
    [InlineData("C2614", 'C', 26)]
    [InlineData("06", 'B', 6)]
    [InlineData("4411", 'D', 44)]
    [InlineData("01", 'A', 1)]
    [InlineData("97", 'T', 97)]
    [InlineData("c3130", 'C', 31)]
    public void Valid_industry_codes_and_their_section(string code, char section, int division)
    {
        var check = IndustryCode.Check(code);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal((section, division), (check.Section, check.Division));
    }

    [Theory]
    [InlineData("98", "不在GB/T 4754-2017中")]
    [InlineData("00", "不在GB/T 4754-2017中")]
    [InlineData("C2618", "C2618 不在GB/T 4754-2017中；最接近的有效层级为 C261 基础化学原料制造")]
    [InlineData("3131", "C3131 不在GB/T 4754-2017中；最接近的有效层级为 C313 钢压延加工")]
    [InlineData("269", "C269 不在GB/T 4754-2017中；最接近的有效层级为 C26 化学原料和化学制品制造业")]
    [InlineData("B2614", "属于门类C")]
    [InlineData("2614X", "格式不对")]
    [InlineData("26145", "格式不对")]
    [InlineData("", "格式不对")]
    public void Invalid_industry_codes_say_why(string code, string reason) =>
        Assert.Contains(reason, IndustryCode.Check(code).Error);

    [Theory]
    [InlineData("0610", true)]   // 采矿
    [InlineData("3130", true)]   // 制造
    [InlineData("4411", true)]   // 电力
    [InlineData("5121", false)]  // 批发
    public void Industrial_sections_are_B_C_D(string code, bool industrial) => Assert.Equal(industrial, IndustryCode.Check(code).IsIndustrial);

    [Theory]
    [InlineData(1000, 400_000_000, SizeClass.Large)]
    [InlineData(999, 400_000_000, SizeClass.Medium)]   // both thresholds are needed
    [InlineData(5000, 399_999_999.99, SizeClass.Medium)]
    [InlineData(300, 20_000_000, SizeClass.Medium)]
    [InlineData(299, 20_000_000, SizeClass.Small)]
    [InlineData(20, 3_000_000, SizeClass.Small)]
    [InlineData(19, 300_000_000, SizeClass.Micro)]
    [InlineData(500, 2_999_999, SizeClass.Micro)]
    [InlineData(0, 0, SizeClass.Micro)]
    public void Size_class_by_the_statistical_rule_for_industry(int employees, decimal revenue, SizeClass expected) =>
        Assert.Equal(expected, EnterpriseSize.Classify(employees, revenue));

    [Theory]
    [InlineData(true, 20_000_000, true)]     // 2000万元以上 includes 2000万
    [InlineData(true, 19_999_999.99, false)]
    [InlineData(false, 50_000_000, false)]   // not industrial
    public void Above_scale(bool industrial, decimal revenue, bool expected) => Assert.Equal(expected, AboveScale.Is(industrial, revenue));
}
