using System.Reflection;

namespace Qianglian.Core.Security;

/// <summary>
/// Which passwords are refused whatever their length and character classes: the common ones (a list shipped as data,
/// common-passwords.txt), any further ones the caller names (the published demo password outside demo mode), and any
/// that contain the account's user name. GB/T 22239-2019 8.1.4.1 a) asks that identification be unique and that
/// authentication information be complex; a password an attacker tries first is not.
/// </summary>
public static class PasswordBlocklist
{
    /// <summary>User names shorter than this are not searched for inside the password (too many false refusals).</summary>
    public const int MinimumUserNameLength = 3;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>How many common passwords the shipped list holds (shown in docs and tests).</summary>
    public static int CommonCount => Common.Value.Count;

    /// <summary>The reason a password is refused, or null when it is not on the blocklist. Comparisons ignore case.</summary>
    public static BlockReason? Check(string password, string? userName, IEnumerable<string> alsoRefused)
    {
        var normalised = (password ?? "").Trim().ToLowerInvariant();
        if (Common.Value.Contains(normalised) || Common.Value.Contains(StripDecoration(normalised)))
            return BlockReason.Common;
        if (alsoRefused.Any(p => string.Equals(p, password, StringComparison.OrdinalIgnoreCase)))
            return BlockReason.Published;
        var name = (userName ?? "").Trim();
        if (name.Length >= MinimumUserNameLength && normalised.Contains(name.ToLowerInvariant(), StringComparison.Ordinal))
            return BlockReason.ContainsUserName;
        return null;
    }

    /// <summary>"Password123!" is "password123" with a symbol stuck on: strip one trailing or leading run of symbols.</summary>
    private static string StripDecoration(string password) => password.Trim('!', '@', '#', '$', '%', '^', '&', '*', '.', '?', '_', '-', '+', '=', '~');

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordBlocklist).Assembly.GetManifestResourceStream("Qianglian.Core.Security.common-passwords.txt")
                           ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length == 0 || entry.StartsWith('#')) continue;
            set.Add(entry.ToLowerInvariant());
        }
        return set;
    }
}

public enum BlockReason { Common, Published, ContainsUserName }
