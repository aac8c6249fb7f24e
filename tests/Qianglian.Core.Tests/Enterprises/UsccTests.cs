using Qianglian.Core.Enterprises;

namespace Qianglian.Core.Tests.Enterprises;

public class UsccTests
{
    [Fact]
    public void Published_example_validates() =>
        Assert.Null(Uscc.Validate("91350100M000100Y43"));

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91510400204351950", 'B')]
    public void Check_character_is_computed_by_the_weighted_mod_31_rule(string first17, char expected) =>
        Assert.Equal(expected, Uscc.CheckCharacter(first17));

    [Fact]
    public void Wrong_check_character_names_the_expected_one()
    {
        var message = Uscc.Validate("91350100M000100Y44");
        Assert.NotNull(message);
        Assert.Contains("应为“3”", message);
    }

    [Theory]
    [InlineData("9135010", "18位")]
    [InlineData("91350100M000100I43", "第16位")]
    public void Malformed_codes_are_rejected_with_the_reason(string code, string expected) =>
        Assert.Contains(expected, Uscc.Validate(code));

    [Fact]
    public void Lower_case_input_is_accepted() =>
        Assert.Null(Uscc.Validate("91350100m000100y43"));
}
