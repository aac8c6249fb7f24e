using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Auth;

/// <summary>
/// Accounts and their roles. Reads go through the scoped context (an administrator sees the accounts of their
/// subtree); writes go through Identity's store, whose saves pass the same central scope guard. 三员分立: the system
/// administrator creates accounts and keeps their names and units (<see cref="Permission.ManageUsers"/>); changing an
/// existing account's roles or lock, resets and ending sessions are the security administrator's
/// (<see cref="Permission.ManageSecurity"/>).
/// </summary>
public sealed class ManageUsers(AppDb dbs, CurrentUser user, UserManager<AppUser> users, TimeProvider clock, AccountRecords records)
{
    /// <param name="Phone">The account holder's phone number, stored encrypted and listed masked (docs/security.md 个人信息保护).</param>
    public sealed record CreateRequest(string UserName, string DisplayName, Guid JurisdictionId, IReadOnlyList<string> Roles, Guid? UnitId, Guid? EnterpriseId, string? Phone = null);
    public sealed record Created(UserView User, string OneTimePassword);
    /// <param name="Phone">Null keeps the stored number (a client never holds it whole), empty removes it, else the new number.</param>
    public sealed record UpdateRequest(string DisplayName, IReadOnlyList<string> Roles, Guid? UnitId, bool Locked, string Version, string? Phone = null);
    public sealed record AccessRequest(IReadOnlyList<string> Roles, bool Locked, string Version);

    public async Task<IReadOnlyList<UserView>> List(CancellationToken ct)
    {
        user.Require(Permission.ViewUsers);
        await using var db = dbs.Open();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.JurisdictionPath).ThenBy(u => u.UserName).ToListAsync(ct);
        var roles = await RolesOf(db, rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => View(r, roles.GetValueOrDefault(r.Id, []))).ToList();
    }

    public async Task<UserView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewUsers);
        await using var db = dbs.Open();
        var row = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
                  ?? throw new NotFoundException("user", "用户不存在 (user not found)");
        var roles = await RolesOf(db, [id], ct);
        return View(row, roles.GetValueOrDefault(id, []));
    }

    public async Task<Created> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageUsers);
        var name = (request.UserName ?? "").Trim();
        if (name.Length < 3)
            throw new ValidationException("userName", "用户名至少3个字符 (user name needs 3 characters or more)");
        ValidateRoles(request.Roles);
        var phone = ValidPhone(request.Phone);
        await using (var db = dbs.Open())
        {
            if (!await db.Jurisdictions.AnyAsync(j => j.Id == request.JurisdictionId, ct))
                throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
            await ValidateLinksAsync(db, request.JurisdictionId, request.UnitId, request.EnterpriseId, request.Roles, ct);
        }
        var account = new AppUser
        {
            UserName = name, DisplayName = (request.DisplayName ?? "").Trim(), JurisdictionId = request.JurisdictionId,
            UnitId = request.UnitId, EnterpriseId = request.EnterpriseId, MustChangePassword = true, PhoneNumber = phone,
        };
        var password = OneTimePassword.Generate();
        Check(await users.CreateAsync(account, password), "userName");
        Check(await users.AddToRolesAsync(account, request.Roles), "roles");
        return new Created(await Get(account.Id, ct), password);
    }

    /// <summary>
    /// The system administrator's change: name and unit. The request repeats the roles and the lock (the form shows
    /// them); changing either is the security administrator's (<see cref="SetAccess"/>) and is refused here.
    /// </summary>
    public async Task<UserView> Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageUsers);
        // Null keeps the number; "" removes it.
        var phone = request.Phone is null ? null : ValidPhone(request.Phone) ?? "";
        return await Apply(id, request.DisplayName, request.UnitId, phone, request.Roles, request.Locked, request.Version, Permission.ManageUsers, ct);
    }

    /// <summary>The security administrator's change (三员分立): an account's roles and its lock.</summary>
    public async Task<UserView> SetAccess(Guid id, AccessRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageSecurity);
        return await Apply(id, null, null, null, request.Roles, request.Locked, request.Version, Permission.ManageSecurity, ct);
    }

    /// <param name="displayName">Null: keep (with <paramref name="unitId"/>).</param>
    /// <param name="phone">Null: keep; empty: remove.</param>
    private async Task<UserView> Apply(Guid id, string? displayName, Guid? unitId, string? phone, IReadOnlyList<string> roles, bool locked, string version,
        Permission acting, CancellationToken ct)
    {
        ValidateRoles(roles);
        var account = await Visible(id, ct);
        var keepDetails = displayName is null;
        var newUnit = keepDetails ? account.UnitId : unitId;
        await using (var db = dbs.Open())
            await ValidateLinksAsync(db, account.JurisdictionId, newUnit, account.EnterpriseId, roles, ct);
        if (account.ConcurrencyStamp != version)
            throw new DbUpdateConcurrencyException("stale user");
        var wasLocked = account.LockoutEnd is { } end && end > clock.GetUtcNow();
        var current = await users.GetRolesAsync(account);
        var rolesChange = !current.ToHashSet().SetEquals(roles);
        // 三员分立: roles and locks are the security administrator's; names and units the system administrator's.
        if (acting != Permission.ManageSecurity && (rolesChange || locked != wasLocked))
            throw new ForbiddenException(rolesChange
                ? "roles：账号的角色由安全管理员设置（三员分立） (roles: an account's roles are set by the security administrator)"
                : "locked：锁定与解锁由安全管理员操作（三员分立） (locked: locking is the security administrator's)");
        if (!keepDetails)
        {
            account.DisplayName = displayName!.Trim();
            account.UnitId = unitId;
        }
        if (phone is not null) account.PhoneNumber = phone.Length == 0 ? null : phone;
        if (locked != wasLocked) account.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(account), "version");
        Check(await users.RemoveFromRolesAsync(account, current.Except(roles)), "roles");
        Check(await users.AddToRolesAsync(account, roles.Except(current)), "roles");
        // Locking the account or changing its roles ends every cookie and token it holds (see StampCheck): a demoted
        // user's old token must not keep the old rights.
        if (locked && !wasLocked || rolesChange)
            Check(await users.UpdateSecurityStampAsync(account), "version");
        return await Get(id, ct);
    }

    /// <summary>Ends every session and token of the account at once (the security administrator's "force sign-out").</summary>
    public async Task EndSessions(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageSecurity);
        var account = await Visible(id, ct);
        Check(await users.UpdateSecurityStampAsync(account), "user");
        await records.AddSignInAsync(account, SignInResult.SessionsEnded, $"by {user.Name}", "admin");
    }

    /// <summary>
    /// Gives the account a new one-time password (shown once), which it must change at its next sign-in; resetting
    /// changes the security stamp, so every session and token it holds ends.
    /// </summary>
    public async Task<Created> ResetPassword(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageSecurity);
        var account = await Visible(id, ct);
        var password = OneTimePassword.Generate();
        Check(await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), password), "user");
        account.MustChangePassword = true;
        Check(await users.UpdateAsync(account), "user");
        return new Created(await Get(id, ct), password);
    }

    /// <summary>
    /// Removes the account's authenticator (lost phone): its key and recovery codes are forgotten, its sessions end,
    /// and its next sign-in enrols a new one. The change of the account row and of its tokens is in the audit log; the
    /// login history says who did it.
    /// </summary>
    public async Task ResetAuthenticator(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageSecurity);
        var account = await Visible(id, ct);
        await users.RemoveAuthenticationTokenAsync(account, TwoFactorCodes.StoreProvider, TwoFactorCodes.AuthenticatorKeyName);
        await users.RemoveAuthenticationTokenAsync(account, TwoFactorCodes.StoreProvider, TwoFactorCodes.RecoveryCodesName);
        Check(await users.SetTwoFactorEnabledAsync(account, false), "user"); // also changes the security stamp: sessions end
        await records.AddSignInAsync(account, SignInResult.AuthenticatorReset, $"by {user.Name}", "admin");
    }

    /// <summary>The account through Identity's store, after checking the caller may see it (404 otherwise).</summary>
    private async Task<AppUser> Visible(Guid id, CancellationToken ct)
    {
        await using (var db = dbs.Open())
            if (!await db.Users.AnyAsync(u => u.Id == id, ct))
                throw new NotFoundException("user", "用户不存在 (user not found)");
        return await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("user", "用户不存在 (user not found)");
    }

    /// <summary>Empty means none; anything else must look like a phone number — a masked value sent back never does.</summary>
    private static string? ValidPhone(string? phone)
    {
        var value = (phone ?? "").Trim();
        if (value.Length == 0) return null;
        if (!Core.Security.PhoneNumberRule.IsValid(value))
            throw new ValidationException("phone", "电话号码应为5–20位数字，可含空格、-、括号和开头的+ (a phone number is 5–20 characters: digits, spaces, -, parentheses, a leading +)");
        return value;
    }

    private static void ValidateRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
            throw new ValidationException("roles", "至少选择一个角色 (choose at least one role)");
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new ValidationException("roles", $"未知角色：{string.Join("、", unknown)} (unknown roles)");
        if (Core.Security.SeparationOfDuties.Clash(roles, [.. Roles.Administrators]) is { Count: > 0 } clash)
            throw new ValidationException("roles", DutiesClash(clash));
    }

    /// <summary>The refusal of two administrative duties on one account (三员分立), naming them.</summary>
    public static string DutiesClash(IEnumerable<string> clash) =>
        $"系统管理员、安全管理员、安全审计员三者只能任其一（三员分立），不能同时担任：{string.Join("、", clash.Select(RoleTitle))} " +
        $"(one account may hold only one of the system, security and audit administrator roles: {string.Join(", ", clash)})";

    private static string RoleTitle(string role) => role switch
    {
        Roles.Administrator => "系统管理员",
        Roles.SecurityAdministrator => "安全管理员",
        Roles.AuditAdministrator => "安全审计员",
        _ => role,
    };

    private static async Task ValidateLinksAsync(AppDbContext db, Guid jurisdictionId, Guid? unitId, Guid? enterpriseId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        if (unitId is { } u && !await db.Units.AnyAsync(x => x.Id == u && x.JurisdictionId == jurisdictionId, ct))
            throw new ValidationException("unitId", "所属单位不在该辖区 (the unit is not in this jurisdiction)");
        var isEnterprise = roles.Contains(Roles.EnterpriseUser);
        if (isEnterprise && enterpriseId is null)
            throw new ValidationException("enterpriseId", "企业用户须指定所属企业 (enterprise users need their enterprise)");
        if (!isEnterprise && enterpriseId is not null)
            throw new ValidationException("enterpriseId", "只有企业用户可以关联企业 (only enterprise users belong to an enterprise)");
        if (enterpriseId is { } e && !await db.Enterprises.AnyAsync(x => x.Id == e && x.JurisdictionId == jurisdictionId, ct))
            throw new ValidationException("enterpriseId", "所属企业不在该辖区 (the enterprise is not in this jurisdiction)");
    }

    private static void Check(IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new DbUpdateConcurrencyException("stale user");
        throw new ValidationException(field, string.Join("；", result.Errors.Select(e => e.Description)));
    }

    private static async Task<Dictionary<Guid, List<string>>> RolesOf(AppDbContext db, List<Guid> ids, CancellationToken ct) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ids.Contains(ur.UserId)
                select new { ur.UserId, r.Name }).ToListAsync(ct))
        .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).Order().ToList());

    private UserView View(AppUser u, IReadOnlyList<string> roles) =>
        new(u.Id, u.UserName!, u.DisplayName, u.JurisdictionId, u.JurisdictionPath, u.UnitId, u.EnterpriseId, roles,
            u.LockoutEnd is { } end && end > clock.GetUtcNow(), u.MustChangePassword, u.ConcurrencyStamp ?? "",
            Core.Security.PersonalDataMask.Phone(u.PhoneNumber));
}
