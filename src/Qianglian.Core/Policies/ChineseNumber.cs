namespace Qianglian.Core.Policies;

/// <summary>Reads the numbers documents use for their items: 一 … 九十九 and plain Arabic digits.</summary>
public static class ChineseNumber
{
    private const string Digits = "〇一二三四五六七八九";

    public static int? Parse(string text)
    {
        if (text.Length == 0) return null;
        if (text.All(char.IsAsciiDigit)) return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var ten = text.IndexOf('十');
        if (ten < 0) return text.Length == 1 && Digits.IndexOf(text[0]) > 0 ? Digits.IndexOf(text[0]) : null;
        var tens = ten == 0 ? 1 : Digits.IndexOf(text[0]);
        var units = ten == text.Length - 1 ? 0 : Digits.IndexOf(text[^1]);
        if (tens <= 0 || units < 0 || ten > 1 || text.Length > 3) return null;
        return tens * 10 + units;
    }
}
