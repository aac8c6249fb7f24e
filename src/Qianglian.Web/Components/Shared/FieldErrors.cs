using Qianglian.Web.Api;

namespace Qianglian.Web.Components.Shared;

/// <summary>
/// The refusals of a form's last save, by field. An operation's <see cref="ValidationException"/> names each field as
/// the API does; the form shows the message under the input it belongs to (<c>Error</c>/<c>ErrorText</c>). Fields
/// the form does not show are handed back, to be reported the usual way.
/// </summary>
public sealed class FieldErrors(params string[] fields)
{
    private readonly HashSet<string> shown = [.. fields];
    private readonly Dictionary<string, string> errors = [];

    public string? this[string field] => errors.GetValueOrDefault(field);

    public bool Has(string field) => errors.ContainsKey(field);

    public bool Any => errors.Count > 0;

    public void Clear() => errors.Clear();

    /// <summary>Keeps the errors of the form's own fields.</summary>
    /// <returns>The errors of fields the form does not show (empty when every one is shown at its field).</returns>
    public IReadOnlyDictionary<string, string[]> Mark(ValidationException refusal)
    {
        errors.Clear();
        var rest = new Dictionary<string, string[]>();
        foreach (var (field, messages) in refusal.Errors)
            if (shown.Contains(field)) errors[field] = string.Join("；", messages);
            else rest[field] = messages;
        return rest;
    }
}
