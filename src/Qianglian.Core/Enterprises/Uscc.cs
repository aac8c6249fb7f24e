namespace Qianglian.Core.Enterprises;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V); the last is a
/// check character computed from the first 17 with fixed weights, modulo 31.
/// </summary>
public static class Uscc
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters, or null if one of them is not in the alphabet.</summary>
    public static char? CheckCharacter(string first17)
    {
        if (first17.Length != 17) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) return null;
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>null when valid; otherwise a message in Chinese (with English) that names the problem.</summary>
    public static string? Validate(string? code)
    {
        code = (code ?? "").Trim().ToUpperInvariant();
        if (code.Length != 18)
            return $"统一社会信用代码应为18位，实为{code.Length}位 (the USCC has 18 characters, not {code.Length})";
        for (var i = 0; i < 18; i++)
            if (Alphabet.IndexOf(code[i]) < 0)
                return $"统一社会信用代码第{i + 1}位“{code[i]}”不是有效字符 (character {i + 1} is not allowed)";
        var expected = CheckCharacter(code[..17])!.Value;
        return code[17] == expected
            ? null
            : $"统一社会信用代码校验位应为“{expected}”，实为“{code[17]}” (check character should be {expected})";
    }
}
