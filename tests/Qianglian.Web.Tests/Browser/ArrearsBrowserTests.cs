using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// 清欠 in the browser: a claim the enterprise filed shows on its home; the office verifies it and records its repayment
/// on the claim's page until it is cleared, and the cleared share shows it.
/// </summary>
public sealed class ArrearsBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_office_verifies_and_repays_a_claim_the_enterprise_filed_and_sees_it_cleared()
    {
        // The enterprise files through the API with a bearer token (the form is the same operation).
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = "xiqu.enterprise", password = Web.Hosting.DemoData.Password });
        token.EnsureSuccessStatusCode();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var filed = await api.PostAsJsonAsync("/api/v1/arrears/claims", new
        {
            debtorKind = "StateOwnedEnterprise", debtorName = "浏览器测试国有建设公司", amount = 350_000m, basis = "厂房施工合同及竣工验收单", dueOn = "2026-01-15",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var enterprise = await host.SignInAsync("xiqu.enterprise");
        await Assertions.Expect(enterprise.GetByTestId("ent-claim").Filter(new() { HasText = "浏览器测试国有建设公司" })).ToContainTextAsync("待核实");
        await enterprise.Context.CloseAsync();

        var office = await host.SignInAsync("xiqu.office");
        await office.GotoAsync(host.BaseUrl + "/arrears");
        await BrowserHost.WaitInteractiveAsync(office);
        await office.GetByTestId("claim-link").Filter(new() { HasText = "浏览器测试国有建设公司" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("claim-heading")).ToHaveTextAsync("浏览器测试国有建设公司");
        await BrowserHost.WaitInteractiveAsync(office);
        // The agreed amount starts at the claimed 35万元.
        await office.GetByTestId("verify-claim").ClickAsync();
        await Assertions.Expect(office.GetByTestId("claim-status")).ToHaveTextAsync("已确认");
        await Assertions.Expect(office.GetByTestId("claim-agreed")).ToHaveTextAsync("35");

        // Above the agreed amount: refused, with the figures.
        await office.GetByTestId("repay-amount").FillAsync("40");
        await office.GetByTestId("repay").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar", new() { HasText = "350,000.00" })).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByTestId("claim-repaid")).ToHaveTextAsync("0");

        await office.GetByTestId("repay-amount").FillAsync("35");
        await office.GetByTestId("repay").ClickAsync();
        await Assertions.Expect(office.GetByTestId("claim-status")).ToHaveTextAsync("已清偿");
        await Assertions.Expect(office.GetByTestId("claim-repaid")).ToHaveTextAsync("35");
        await office.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "arrears-cleared.png"), FullPage = true });

        await office.GotoAsync(host.BaseUrl + "/arrears");
        await BrowserHost.WaitInteractiveAsync(office);
        await office.GetByRole(AriaRole.Tab, new() { Name = "清偿情况" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("share-row").Filter(new() { HasText = "浏览器测试国有建设公司" })).ToContainTextAsync("100.0");
        Assert.NotEqual(Guid.Empty, id);
    }
}
