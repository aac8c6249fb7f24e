using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Hosting;

/// <summary>
/// The demo dataset and one account per role, loaded only into the default embedded database or with --demo.
/// Idempotent: existing accounts and enterprises are left as they are. The accounts are printed at every start.
/// </summary>
public sealed class DemoData(AppDb dbs, UserManager<AppUser> users, StartupConsole console, DemoChain chain, DemoCultivation cultivation, DemoProjects projects,
    DemoSupervision supervision, DemoSupplyDemand supplyDemand, DemoIncentives incentives, DemoInvestment investment, DemoJurisdictions everyPack,
    DemoTargetRecords targetRecords)
{
    public const string Password = "Qianglian#2026";

    public sealed record DemoAccount(string UserName, string DisplayName, string Role, string JurisdictionCode, string? EnterpriseUscc17 = null, string? UnitKey = null);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        // 三员分立: the three administrators, each signing in with the published demo authenticator key.
        new("admin", "系统管理员", Roles.Administrator, "100000"),
        new("security", "安全管理员", Roles.SecurityAdministrator, "100000"),
        new("auditor", "安全审计员", Roles.AuditAdministrator, "100000"),
        new("xiqu.office", "西区融圈强链办", Roles.CoordinationOffice, "510403"),
        new("dazhou.office", "达州市融圈强链办", Roles.CoordinationOffice, "511700"),
        new("pzh.chief", "攀枝花市链长", Roles.ChainChief, "510400"),
        new("dazhou.lead", "达州市牵头部门", Roles.LeadDepartment, "511700"),
        new("xiqu.operator", "西区园区经办人", Roles.LocalOperator, "510403"),
        new("xiqu.lead", "西区牵头部门（区科技局）", Roles.LeadDepartment, "510403"),
        new("xiqu.chief", "西区链长", Roles.ChainChief, "510403"),
        new("xiqu.enterprise", "演示企业用户", Roles.EnterpriseUser, "510403", "91510403MA6DEM001"),
        new("pzh.leader", "攀枝花市领导（只读）", Roles.Leader, "510400"),
        // The 西区 政策兑现 workflow (measure 十): each stage is acted on by its unit or the chain's chief.
        new("xiqu.jxj", "西区经信局审核员", Roles.LeadDepartment, "510403", UnitKey: "xiqu.jxj"),
        new("xiqu.fgj", "西区发改局会商员", Roles.LeadDepartment, "510403", UnitKey: "xiqu.fgj"),
        new("xiqu.czj", "西区财政局经办人", Roles.LeadDepartment, "510403", UnitKey: "xiqu.czj"),
        new("xiqu.approver", "西区区委区政府审定", Roles.ChainChief, "510403", UnitKey: "xiqu.qzf"),
        // Every pack runs: each jurisdiction's office plans its document's tasks; a county or park operator and a lead
        // department act on its tasks, projects and problem ledger (see DemoJurisdictions).
        new("pzh.office", "攀枝花市融圈强链办（市经信局）", Roles.CoordinationOffice, "510400", UnitKey: "panzhihua.jxj"),
        new("pzh.operator", "仁和区人民政府经办人", Roles.LocalOperator, "510411", UnitKey: "panzhihua.rhzf"),
        new("dazhou.county", "达川区人民政府经办人", Roles.LocalOperator, "511703", UnitKey: "dazhou.dczf"),
        new("ankang.office", "安康市工业和信息化局", Roles.CoordinationOffice, "610900", UnitKey: "ankang.gxj"),
        new("ankang.lead", "安康市发展和改革委员会", Roles.LeadDepartment, "610900", UnitKey: "ankang.fgw"),
        new("ankang.operator", "汉滨区人民政府经办人", Roles.LocalOperator, "610902", UnitKey: "ankang.hbzf"),
        new("qianjiang.office", "黔江区“工业强城”领导小组办公室（区经济信息委）", Roles.CoordinationOffice, "500114", UnitKey: "qianjiang.jxw"),
        new("qianjiang.lead", "黔江区牵头部门（区经济信息委）", Roles.LeadDepartment, "500114", UnitKey: "qianjiang.jxw"),
        new("qianjiang.operator", "正阳工业园区管委会经办人", Roles.LocalOperator, "500114-ZY", UnitKey: "qianjiang.zygwh"),
    ];

    private static readonly (string Uscc17, string Name, string JurisdictionCode)[] Enterprises =
    [
        ("91510403MA6DEM001", "演示·西区绿色化工有限公司", "510403"),
        ("91510403MA6DEM002", "演示·西区钒钛新材料有限公司", "510403"),
        ("91510400MA6DEM003", "演示·攀枝花清洁能源有限公司", "510400"),
        ("91511700MA6DEM004", "演示·达州能源化工有限公司", "511700"),
        ("91610900MA6DEM005", "演示·安康富硒食品有限公司", "610900"),
        ("91500114MA6DEM006", "演示·黔江新材料有限公司", "500114"),
        ("91510403MA6DEM007", "演示·西区钛精矿选矿有限公司", "510403"),
        ("91510403MA6DEM008", "演示·西区检验检测服务有限公司", "510403"),
        // Enterprises in the counties and parks of the other packs, each with a year of facts (DemoJurisdictions).
        ("91510411MA6DEM009", "演示·仁和区钒钛制品有限公司", "510411"),
        ("91510400MA6DEM010", "演示·钒钛高新区新材料有限公司", "510400-VT"),
        ("91511703MA6DEM011", "演示·达川区天然气化工有限公司", "511703"),
        ("91511722MA6DEM012", "演示·宣汉县锂钾综合开发有限公司", "511722"),
        ("91610902MA6DEM013", "演示·汉滨区富硒食品有限公司", "610902"),
        ("91610900MA6DEM014", "演示·安康高新区新型材料有限公司", "610900-GX"),
        ("91500114MA6DEM015", "演示·正阳园区卷烟配套材料有限公司", "500114-ZY"),
        ("91500114MA6DEM016", "演示·黔江生物医药有限公司", "500114"),
    ];

    /// <summary>Every demo enterprise's credit code (first 17 characters), for checks and tests.</summary>
    public static IReadOnlyList<string> EnterpriseCodes => Enterprises.Select(e => e.Uscc17).ToList();

    /// <summary>The 18-character code for its first 17 (refused when they are not 17 characters of the code's alphabet).</summary>
    public static string FullUscc(string first17) => first17 + (Uscc.CheckCharacter(first17)
        ?? throw new ArgumentException($"“{first17}” is not the first 17 characters of a credit code (GB 32100-2015)", nameof(first17)));

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using (var db = dbs.OpenSystem())
        {
            var codes = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, j => j.Id, ct);
            foreach (var (uscc17, name, code) in Enterprises)
            {
                var uscc = FullUscc(uscc17);
                if (await db.Enterprises.AnyAsync(e => e.Uscc == uscc, ct)) continue;
                db.Enterprises.Add(new Enterprise { Uscc = uscc, Name = name, JurisdictionId = codes[code] });
            }
            await DemoInvestment.RepairCodesAsync(db, ct);
            await db.SaveChangesAsync(ct);
        }
        await chain.EnsureAsync(ct);
        await cultivation.EnsureAsync(ct);
        await projects.EnsureAsync(ct);
        await investment.EnsureAsync(ct);
        await using var read = dbs.OpenSystem();
        var jurisdictions = await read.Jurisdictions.ToDictionaryAsync(j => j.Code, j => j.Id, ct);
        foreach (var (account, index) in Accounts.Select((a, i) => (a, i)))
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            Guid? enterpriseId = account.EnterpriseUscc17 is { } u
                ? await read.Enterprises.Where(e => e.Uscc == FullUscc(u)).Select(e => e.Id).SingleAsync(ct)
                : null;
            Guid? unitId = account.UnitKey is { } key ? await read.Units.Where(x => x.Key == key).Select(x => x.Id).SingleAsync(ct) : null;
            var user = new AppUser
            {
                UserName = account.UserName, DisplayName = account.DisplayName,
                JurisdictionId = jurisdictions[account.JurisdictionCode], EnterpriseId = enterpriseId, UnitId = unitId,
                // A made-up number (the 1380000 block) so the users page shows masking and 查看完整; stored encrypted.
                PhoneNumber = $"1380000{index:D4}",
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
        }
        // The demo's administrators are enrolled with the published key (printed below), so a demo needs no phone:
        // any authenticator app, or `oathtool --totp -b KEY`, gives their code.
        foreach (var account in Accounts.Where(a => Roles.Administrators.Contains(a.Role)))
            if (await users.FindByNameAsync(account.UserName) is { } administrator && !await users.GetTwoFactorEnabledAsync(administrator))
            {
                await users.SetAuthenticationTokenAsync(administrator, TwoFactorCodes.StoreProvider, TwoFactorCodes.AuthenticatorKeyName, TwoFactorCodes.DemoKey);
                await users.SetTwoFactorEnabledAsync(administrator, true);
            }
        await supervision.EnsureAsync(ct);
        await supplyDemand.EnsureAsync(ct);
        await incentives.EnsureAsync(ct);
        await everyPack.EnsureAsync(ct);
        await targetRecords.EnsureAsync(ct);
        Print();
    }

    private void Print()
    {
        console.WriteLine();
        console.WriteLine("==== 演示账号 (demo accounts) — 密码 password: " + Password + " ====");
        foreach (var a in Accounts)
            console.WriteLine($"  {a.UserName,-18} {a.Role,-20} {a.JurisdictionCode,-10} {a.DisplayName}");
        console.WriteLine("  admin / security / auditor 须输入身份验证器动态码 (need an authenticator code) — 演示密钥 demo key: " + TwoFactorCodes.DemoKey);
        console.WriteLine("  (扫描或输入到身份验证器应用 add it to an authenticator app, or: oathtool --totp -b " + TwoFactorCodes.DemoKey + ")");
        console.WriteLine();
    }
}
