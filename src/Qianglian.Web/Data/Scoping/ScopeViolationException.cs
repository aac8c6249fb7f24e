namespace Qianglian.Web.Data;

/// <summary>A write outside the caller's jurisdiction, enterprise or role. Mapped to HTTP 403.</summary>
public sealed class ScopeViolationException(string message) : Exception(message);
