using Qianglian.Core.Security;

namespace Qianglian.Core.Tests.Security;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("023-61234567", "023*****4567")]
    [InlineData("+8613812345678", "+86*******5678")]
    [InlineData("6123456", "***3456")]
    [InlineData("1234567890", "******7890")]
    [InlineData("110", "***")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Phones_keep_their_first_three_and_last_four(string? phone, string? shown) =>
        Assert.Equal(shown, PersonalDataMask.Mask(PersonalDataKind.Phone, phone));

    [Theory]
    [InlineData("510104199001011234", "5101**********1234")]
    [InlineData("51010419900101X", "5101*******101X")]
    [InlineData("51010419900101123X", "5101**********123X")]
    [InlineData("5101041990", "**********")]
    [InlineData(null, null)]
    public void Id_numbers_keep_their_first_four_and_last_four(string? id, string? shown) =>
        Assert.Equal(shown, PersonalDataMask.Mask(PersonalDataKind.IdNumber, id));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("023-6123 4567", true)]
    [InlineData("+86 138 1234 5678", true)]
    [InlineData("(023)61234567", true)]
    [InlineData("138****5678", false)]
    [InlineData("1234", false)]
    [InlineData("138123456781381234567", false)]
    [InlineData("86+13812345678", false)]
    [InlineData("tel:13812345678", false)]
    public void Phone_numbers_are_digits_with_the_usual_separators(string phone, bool valid) =>
        Assert.Equal(valid, PhoneNumberRule.IsValid(phone));
}
