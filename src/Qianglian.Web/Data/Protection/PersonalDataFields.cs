using Qianglian.Core.Security;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Data.Protection;

/// <summary>One column of personal contact data: stored sealed, listed masked, revealed with a permission.</summary>
public sealed record PersonalDataField(Type Entity, string Property, PersonalDataKind Kind)
{
    /// <summary>How the field is named in reveal records and error messages, e.g. <c>AppUser.PhoneNumber</c>; also bound
    /// into each sealed value (so it must not change while values are stored).</summary>
    public string Name => $"{Entity.Name}.{Property}";
}

/// <summary>
/// Every field of the model that holds personal contact data — the one list the value converter, the start-up
/// sealing step, the audit trail's masking and the reveal action read. A survey of the model (December 2026) found
/// one: the account's phone number (Identity's <c>PhoneNumber</c> column). Enterprises, projects, applications,
/// problems and imports hold no person's phone or 居民身份证号码: an enterprise is known by its credit code (a legal
/// person's, not personal data) and a problem by the account that filed it. A field added later is added here.
/// </summary>
public static class PersonalDataFields
{
    public static readonly PersonalDataField UserPhone = new(typeof(AppUser), nameof(AppUser.PhoneNumber), PersonalDataKind.Phone);

    public static IReadOnlyList<PersonalDataField> All { get; } = [UserPhone];

    public static IEnumerable<string> PropertiesOf(Type entity) =>
        All.Where(f => f.Entity == entity).Select(f => f.Property);
}
