using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Qianglian.Core.Quotas;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Modules.Quotas;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// The 西区 chain chief opens the quota ledger from the menu, sees a project's request for 60亩 of a 100亩 pool and
/// allocates it on screen; the balance drops to 40亩 and the request shows as allocated.
/// </summary>
public sealed class QuotaBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<Guid> Ledger()
    {
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var chief = await db.Users.Where(u => u.UserName == "xiqu.chief").Select(u => u.Id).SingleAsync();
        var chain = new Chain { JurisdictionId = xiqu.Id, Name = "浏览器指标链", ChiefUserId = chief };
        var project = new Project { JurisdictionId = xiqu.Id, Name = "浏览器指标项目", ChainId = chain.Id, ListedOn = new DateOnly(2026, 1, 5), TotalInvestment = 1m };
        var pool = new QuotaPool { JurisdictionId = xiqu.Id, ChainId = chain.Id, Year = 2026, Element = QuotaElement.Land, Granted = 100m };
        var request = new QuotaRequest
        {
            JurisdictionId = xiqu.Id, ChainId = chain.Id, ProjectId = project.Id, Year = 2026, Element = QuotaElement.Land, Requested = 60m,
            Justification = "一期厂房用地", RequestedBy = "西区园区经办人", RequestedOn = new DateOnly(2026, 2, 1), Status = QuotaRequestStatus.Pending,
        };
        db.AddRange(chain, project, pool, request);
        await db.SaveChangesAsync();
        return chain.Id;
    }

    [Fact]
    public async Task The_chief_allocates_a_projects_request_on_screen()
    {
        var chain = await Ledger();
        var page = await host.SignInAsync("xiqu.chief");
        await page.GotoAsync(host.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("nav-quotas")).ToHaveCountAsync(1);
        await page.GotoAsync(host.BaseUrl + $"/quotas?chain={chain}&year=2026");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("unallocated-Land")).ToHaveTextAsync("100");
        await Assertions.Expect(page.GetByTestId("quota-requests")).ToContainTextAsync("一期厂房用地");
        await page.GetByTestId("quota-allocate").ClickAsync();
        await page.GetByTestId("form-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("unallocated-Land")).ToHaveTextAsync("40");
        await Assertions.Expect(page.GetByTestId("quota-requests")).ToContainTextAsync("已分配");
        await using var db = host.OpenSystem();
        Assert.Equal(60m, await db.Set<QuotaPool>().Where(p => p.ChainId == chain).Select(p => p.Allocated).SingleAsync());
        await page.Context.CloseAsync();
    }
}
