using System.Reflection;

namespace Qianglian.Core.Enterprises;

/// <summary>The four levels of GB/T 4754-2017: 门类 (a letter), 大类 (2 digits), 中类 (3 digits), 小类 (4 digits).</summary>
public enum IndustryLevel { Section, Division, Group, Class }

/// <summary>One row of the standard's table: its level, code (a letter or digits), name and the code above it.</summary>
public sealed record IndustryEntry(IndustryLevel Level, string Code, string Name, string? Parent)
{
    /// <summary>The section letter this row belongs to (a section is its own).</summary>
    public required char Section { get; init; }

    /// <summary>How the standard writes the code with its section letter, e.g. "C2614"; a section is its letter alone.</summary>
    public string Display => Level == IndustryLevel.Section ? Code : $"{Section}{Code}";

    /// <summary>"C2614 有机化学原料制造".</summary>
    public string Label => $"{Display} {Name}";
}

/// <summary>
/// The table of 国民经济行业分类 GB/T 4754-2017, shipped as data (Gbt4754.csv beside this file,
/// whose header names the source, how it was cross-checked and why amendment No. 1 adds no class here). This is the one reader of that file: validation,
/// the names shown on screen and in exports, chain nodes and the location quotients all ask it.
/// </summary>
public static class IndustryClassification
{
    private static readonly Lazy<Table> Loaded = new(Load);

    public static IReadOnlyList<IndustryEntry> All => Loaded.Value.Rows;

    /// <summary>The row for a code written as digits or letter + digits ("2614", "C2614") or a section letter; null when the standard has no such code.</summary>
    public static IndustryEntry? Find(string? code)
    {
        var text = (code ?? "").Trim().ToUpperInvariant();
        if (text.Length == 1) return Loaded.Value.ByCode.GetValueOrDefault(text);
        if (text.Length > 1 && char.IsAsciiLetter(text[0])) text = text[1..];
        return Loaded.Value.ByCode.GetValueOrDefault(text);
    }

    /// <summary>The deepest level of the standard that the code's digits start with: for "2618" that is group 261.</summary>
    public static IndustryEntry? Nearest(string digits)
    {
        for (var length = Math.Min(digits.Length, 4); length >= 2; length--)
            if (Loaded.Value.ByCode.GetValueOrDefault(digits[..length]) is { } found) return found;
        return null;
    }

    private sealed record Table(IReadOnlyList<IndustryEntry> Rows, IReadOnlyDictionary<string, IndustryEntry> ByCode);

    private static Table Load()
    {
        using var stream = typeof(IndustryClassification).Assembly.GetManifestResourceStream("Qianglian.Core.Enterprises.Gbt4754.csv")
            ?? throw new InvalidOperationException("GB/T 4754-2017 table is not embedded in Qianglian.Core");
        using var reader = new StreamReader(stream);
        var rows = new List<IndustryEntry>();
        var byCode = new Dictionary<string, IndustryEntry>(StringComparer.Ordinal);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            var cells = line.Split(',');
            if (cells.Length != 4) throw new InvalidDataException($"GB/T 4754 table: bad row “{line}”");
            var level = cells[0] switch
            {
                "门类" => IndustryLevel.Section, "大类" => IndustryLevel.Division, "中类" => IndustryLevel.Group, "小类" => IndustryLevel.Class,
                _ => throw new InvalidDataException($"GB/T 4754 table: unknown level “{cells[0]}”"),
            };
            var parent = cells[3].Length == 0 ? null : cells[3];
            var section = level == IndustryLevel.Section ? cells[1][0]
                : level == IndustryLevel.Division ? parent![0]
                : byCode[parent!].Section;
            var entry = new IndustryEntry(level, cells[1], cells[2], parent) { Section = section };
            rows.Add(entry);
            byCode.Add(entry.Code, entry);
        }
        return new(rows, byCode);
    }
}
