using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>Each role signs in to its own dashboard on the home page; charts are drawn and export as PNG.</summary>
public sealed class DashboardBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static string Shot(string name) => Path.Combine(BrowserHost.Artifacts, name);

    [Fact]
    public async Task The_chain_chief_s_home_is_the_chain_dashboard_with_its_stuck_projects_and_charts_that_export()
    {
        var page = await host.SignInAsync("xiqu.chief");
        await BrowserHost.WaitInteractiveAsync(page);
        var home = page.GetByTestId("home-dashboard");
        await Assertions.Expect(home).ToContainTextAsync($"{DemoChain.Name} 链长工作台");
        await Assertions.Expect(page.GetByTestId("figure-stuckProjects")).Not.ToHaveTextAsync(new Regex(@"^\s*0\s*个"));
        await Assertions.Expect(page.GetByTestId("dashboard-watch")).ToContainTextAsync(DemoProjects.UnderConstruction);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-projectsByStage] canvas')");
        await page.ScreenshotAsync(new() { Path = Shot("home-chain-chief.png"), FullPage = true });

        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("png-projectsByStage").ClickAsync());
        Assert.EndsWith("项目所处阶段.png", png.SuggestedFilename);

        // The chain chief's desk (supervision) lists the same stuck projects, from the projects module.
        await page.GotoAsync(host.BaseUrl + "/supervision/chief");
        await Assertions.Expect(page.GetByTestId("stuck-projects")).ToContainTextAsync(DemoProjects.UnderConstruction);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_and_the_county_each_start_from_their_own_dashboard()
    {
        var office = await host.SignInAsync("xiqu.office");
        await BrowserHost.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("home-dashboard")).ToContainTextAsync("融圈强链办工作台");
        await Assertions.Expect(office.GetByTestId("figure-chains")).ToContainTextAsync("条");
        await office.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-investmentCompletion] canvas')");
        // The demo's supply-demand posts fill the matching chart.
        await office.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-supplyDemand] canvas')");
        await Assertions.Expect(office.GetByTestId("card-outputTrend")).ToContainTextAsync("产业链产值趋势");
        await office.ScreenshotAsync(new() { Path = Shot("home-office.png"), FullPage = true });

        // The language switch turns the server-composed charts English too, and their exports with them.
        await office.GetByTestId("culture-switch").ClickAsync();
        await BrowserHost.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("home-dashboard")).ToContainTextAsync("Coordination office dashboard");
        await Assertions.Expect(office.GetByTestId("card-outputTrend")).ToContainTextAsync("Output of the chains");
        await Assertions.Expect(office.GetByTestId("figure-chains")).ToContainTextAsync("chains");
        await office.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-projectsByStage] canvas')");
        var png = await office.RunAndWaitForDownloadAsync(() => office.GetByTestId("png-projectsByStage").ClickAsync());
        Assert.EndsWith("Projects by stage.png", png.SuggestedFilename);
        await office.ScreenshotAsync(new() { Path = Shot("home-office-en.png"), FullPage = true });
        await office.GotoAsync(host.BaseUrl + "/evaluation/targets");
        await Assertions.Expect(office.GetByTestId("targets-year")).ToBeVisibleAsync();
        await office.Context.CloseAsync();

        var leader = await host.SignInAsync("pzh.leader");   // reads over the office: the same board for its city
        await Assertions.Expect(leader.GetByTestId("home-dashboard")).ToContainTextAsync("融圈强链办工作台");
        await leader.Context.CloseAsync();

        var county = await host.SignInAsync("xiqu.operator");
        await BrowserHost.WaitInteractiveAsync(county);
        await Assertions.Expect(county.GetByTestId("home-dashboard")).ToContainTextAsync("西区 项目与问题");
        await Assertions.Expect(county.GetByTestId("dashboard-watch")).ToContainTextAsync(DemoProjects.UnderConstruction);
        await county.ScreenshotAsync(new() { Path = Shot("home-county.png"), FullPage = true });
        await county.Context.CloseAsync();
    }
}
