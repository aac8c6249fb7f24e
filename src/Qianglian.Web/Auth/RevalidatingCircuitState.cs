using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Qianglian.Web.Auth;

/// <summary>
/// A Blazor circuit keeps the principal it opened with and sends no HTTP requests, so <see cref="StampGate"/> never
/// sees it: this re-checks the security stamp every <see cref="SecurityOptions.StampCheckInterval"/> and signs the
/// circuit out when the account was locked, changed or had its sessions ended.
/// </summary>
public sealed class RevalidatingCircuitState(ILoggerFactory logs, StampCheck stamps, SecurityOptions security)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => security.StampCheckInterval > TimeSpan.Zero ? security.StampCheckInterval : TimeSpan.FromSeconds(10);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        stamps.IsCurrentAsync(state.User, ct);
}
