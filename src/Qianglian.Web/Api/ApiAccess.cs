using Qianglian.Web.Auth;

namespace Qianglian.Web.Api;

/// <summary>Download: a file of the caller's scope (template, export), probed like a list.</summary>
public enum ApiOperation { List, Get, Create, Update, Delete, Action, Download }

/// <summary>
/// Declares, on every /api/v1 endpoint, what it touches and which permission it needs. The scoping test matrix
/// enumerates endpoints from the host and reads this, so a new endpoint without it fails the build's tests.
/// The check itself is in each handler (<see cref="CurrentUser.Require"/>) and in the central scope filters.
/// </summary>
/// <param name="Permission">null: any signed-in user (e.g. changing one's own password).</param>
public sealed record ApiAccess(Permission? Permission, ApiOperation Operation, Type Resource);

public static class ApiAccessExtensions
{
    public static RouteHandlerBuilder Access<TResource>(this RouteHandlerBuilder builder, Permission permission, ApiOperation operation) =>
        builder.WithMetadata(new ApiAccess(permission, operation, typeof(TResource)));

    public static RouteHandlerBuilder AccessForAnyUser<TResource>(this RouteHandlerBuilder builder, ApiOperation operation) =>
        builder.WithMetadata(new ApiAccess(null, operation, typeof(TResource)));
}
