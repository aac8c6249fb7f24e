namespace Qianglian.Web.Api;

/// <summary>Bad input: a field (or row/field) and a message for the person who typed it. HTTP 400.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public ValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The record does not exist or is outside the caller's scope (never say which). HTTP 404.</summary>
public sealed class NotFoundException(string what, string message) : Exception(message)
{
    public string What { get; } = what;
}

/// <summary>The caller's role does not allow the operation. HTTP 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The operation conflicts with the current state (e.g. a duplicate). HTTP 409.</summary>
/// <param name="field">The field whose value conflicts (a name already taken), when there is one.</param>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
