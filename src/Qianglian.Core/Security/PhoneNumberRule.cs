namespace Qianglian.Core.Security;

/// <summary>
/// What a phone number may hold: digits, with an optional leading <c>+</c> and the separators people write
/// (space, <c>-</c>, parentheses), 5–20 characters, at least 5 digits. Loose on purpose — landlines with area code and
/// extension (023-6123 4567) and mobiles (13812345678) both pass — but a masked value (<c>138****5678</c>) never does,
/// so a form or client that sends back what it was shown cannot overwrite the stored number with stars.
/// </summary>
public static class PhoneNumberRule
{
    public const int MaxLength = 20;

    public static bool IsValid(string value) =>
        value.Length is >= 5 and <= MaxLength
        && value.Count(char.IsAsciiDigit) >= 5
        && value.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' || c == '+' && i == 0).All(ok => ok);
}
