using Qianglian.Core.Security;

namespace Qianglian.Core.Tests.Security;

public class PasswordBlocklistTests
{
    [Theory]
    [InlineData("P@ssw0rd2026")]
    [InlineData("Admin@123456")]
    [InlineData("1qaz@WSX3edc")]
    [InlineData("Woaini@1314")]
    [InlineData("Password123!")] // a listed password with a symbol stuck on
    public void Common_passwords_are_refused_whatever_their_case(string password) =>
        Assert.Equal(BlockReason.Common, PasswordBlocklist.Check(password, "someone", []));

    [Fact]
    public void A_password_the_caller_names_is_refused() =>
        Assert.Equal(BlockReason.Published, PasswordBlocklist.Check("qianglian#2026", "someone", ["Qianglian#2026"]));

    [Theory]
    [InlineData("xiqu.office", "Xiqu.Office#77")]
    [InlineData("pzh.chief", "My#PZH.chief9")]
    public void A_password_holding_the_user_name_is_refused(string userName, string password) =>
        Assert.Equal(BlockReason.ContainsUserName, PasswordBlocklist.Check(password, userName, []));

    [Fact]
    public void A_short_user_name_is_not_searched_for() =>
        Assert.Null(PasswordBlocklist.Check("Lantern#Quay58", "la", []));

    [Fact]
    public void An_uncommon_password_passes()
    {
        Assert.Null(PasswordBlocklist.Check("Lantern#Quay58", "xiqu.office", ["Qianglian#2026"]));
        Assert.True(PasswordBlocklist.CommonCount > 300);
    }
}

public class PasswordExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_password_older_than_the_limit_has_expired()
    {
        Assert.True(PasswordExpiry.IsExpired(Now.AddDays(-91), Now, 90));
        Assert.False(PasswordExpiry.IsExpired(Now.AddDays(-89), Now, 90));
    }

    [Fact]
    public void Zero_days_turns_expiry_off_and_an_unknown_date_never_expires()
    {
        Assert.False(PasswordExpiry.IsExpired(Now.AddDays(-1000), Now, 0));
        Assert.False(PasswordExpiry.IsExpired(null, Now, 90));
    }
}
