using Qianglian.Core.Security;

namespace Qianglian.Core.Tests.Security;

public class SeparationOfDutiesTests
{
    private static readonly string[] Duties = ["Administrator", "SecurityAdministrator", "AuditAdministrator"];

    [Theory]
    [InlineData("Administrator")]
    [InlineData("SecurityAdministrator")]
    [InlineData("AuditAdministrator", "Leader")]
    [InlineData("Leader", "ChainChief")]
    [InlineData("Administrator", "Administrator")]
    public void One_duty_with_any_other_roles_is_allowed(params string[] roles) =>
        Assert.Empty(SeparationOfDuties.Clash(roles, Duties));

    [Theory]
    [InlineData("Administrator", "SecurityAdministrator")]
    [InlineData("Administrator", "AuditAdministrator")]
    [InlineData("SecurityAdministrator", "AuditAdministrator", "Leader")]
    public void Two_duties_on_one_account_clash_and_are_named(params string[] roles)
    {
        var clash = SeparationOfDuties.Clash(roles, Duties);
        Assert.Equal(roles.Where(Duties.Contains), clash);
    }
}
