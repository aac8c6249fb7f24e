using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qianglian.Web.Data;

namespace Qianglian.Web.Auth;

/// <summary>
/// Whether a signed-in principal (cookie, bearer token or Blazor circuit) still speaks for its account: the account
/// exists and its security stamp is the one the principal was issued with. Locking an account, changing or resetting
/// its password, changing its roles and ending its sessions all change the stamp (<see cref="AccountUserManager"/>),
/// so every cookie and token issued before stops working (GB/T 22239-2019 8.1.4.2 访问控制: rights take effect at once).
/// A stamp read from the database is trusted for <see cref="SecurityOptions.StampCheckInterval"/> (≤ 1 minute) and
/// forgotten at once when this process changes the account, so other instances follow within the interval.
/// </summary>
public sealed class StampCheck(DatabaseOptions database, TimeProvider clock, SecurityOptions security, IOptions<IdentityOptions> identity)
{
    private sealed record Known(string? Stamp, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<Guid, Known> known = new();

    public string StampClaimType => identity.Value.ClaimsIdentity.SecurityStampClaimType;

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        if (!Guid.TryParse(principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType), out var id)) return false;
        var claimed = principal.FindFirstValue(StampClaimType);
        if (string.IsNullOrEmpty(claimed)) return false;
        var now = clock.GetUtcNow();
        if (!known.TryGetValue(id, out var entry) || now - entry.ReadAt >= security.StampCheckInterval)
        {
            await using var db = database.Create(UserScope.System, clock);
            var stamp = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
            entry = new Known(stamp, now);
            known[id] = entry;
        }
        return entry.Stamp is not null && entry.Stamp == claimed;
    }

    /// <summary>Called whenever this process saves or deletes the account.</summary>
    public void Forget(Guid userId) => known.TryRemove(userId, out _);
}

/// <summary>
/// Turns a revoked cookie or bearer token into an anonymous request (and clears the cookie), before anything reads
/// the user: the API then answers 401 and pages redirect to the sign-in form.
/// </summary>
public sealed class StampGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, StampCheck stamps)
    {
        if (context.User.Identity?.IsAuthenticated == true && !await stamps.IsCurrentAsync(context.User, context.RequestAborted))
        {
            if (!AuthSchemes.IsBearer(context))
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    }
}
