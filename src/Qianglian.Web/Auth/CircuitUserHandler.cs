using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Qianglian.Web.Auth;

/// <summary>
/// Copies the circuit's authentication state into <see cref="CurrentUser"/> before each inbound activity, so data
/// contexts opened from components get the same scope as HTTP requests (the pattern from the ASP.NET Core docs,
/// "access server-side Blazor services from a different DI scope").
/// </summary>
public sealed class CircuitUserHandler(AuthenticationStateProvider auth, CurrentUser user) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        auth.AuthenticationStateChanged += OnChanged;
        return base.OnCircuitOpenedAsync(circuit, ct);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            user.Set((await auth.GetAuthenticationStateAsync()).User);
            await next(context);
        };

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => { if (t.IsCompletedSuccessfully) user.Set(t.Result.User); }, TaskScheduler.Default);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
