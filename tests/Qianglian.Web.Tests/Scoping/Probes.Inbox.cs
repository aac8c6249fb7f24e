namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>The inbox and the enterprise's home: computations over the caller's own scope.</summary>
    private static readonly ProbeSet InboxProbes = new()
    {
        ["GET /api/v1/inbox"] = (_, _, _) => Task.FromResult(Get("/api/v1/inbox")),
        ["GET /api/v1/inbox/enterprise"] = (_, _, _) => Task.FromResult(Get("/api/v1/inbox/enterprise")),
    };
}
