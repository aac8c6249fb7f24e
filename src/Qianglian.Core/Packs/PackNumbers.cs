using System.Globalization;
using System.Text.RegularExpressions;

namespace Qianglian.Core.Packs;

/// <summary>A pack file as a tree, as the YAML holds it: mappings (in order), lists and scalars.</summary>
public abstract record PackNode;

public sealed record PackMap(IReadOnlyList<KeyValuePair<string, PackNode>> Entries) : PackNode
{
    public PackNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
    public string? Text(string key) => this[key] is PackScalar s ? s.Text : null;
}

public sealed record PackList(IReadOnlyList<PackNode> Items) : PackNode;

/// <param name="Plain">Written without quotes: only a plain scalar can be a number (a quoted "510403" is a code).</param>
public sealed record PackScalar(string Text, bool Plain) : PackNode;

public enum NumberBasis
{
    /// <summary>The number is written in the clause the section quotes (<c>source</c> / <c>clause</c>).</summary>
    Cited = 1,
    /// <summary>No seed sets it: the section says <c>default: true</c> and gives its <c>basis</c>.</summary>
    PlatformDefault = 2,
    /// <summary>A revision or an item's ordinal (<c>version</c>, checklist <c>number</c>): not a policy figure.</summary>
    Structural = 3,
    /// <summary>
    /// Transcribed from a published national standard the section names in <c>standard</c> (工信部企业〔2022〕63号 附件1):
    /// not in a seed, not the platform's choice either.
    /// </summary>
    Standard = 5,
    /// <summary>Neither cited nor labelled: the pack presents a number as policy that no text gives.</summary>
    Unlabelled = 4,
}

/// <param name="Path">Where in the file (<c>escalation.days.local</c>, <c>measures[0].rule.rate</c>).</param>
/// <param name="Why">The quoted clause (Cited), the stated basis (PlatformDefault) or what is missing.</param>
public sealed record PackNumber(string Path, string Value, NumberBasis Basis, string Why);

/// <summary>
/// Faithful to the text (brief: "a number the document does not give is a labelled platform default"): every number a
/// pack file holds is either written in the clause its section quotes, or sits in a section that says
/// <c>default: true</c> with a <c>basis</c> — never a bare number presented as policy. The nearest labelled section
/// decides. A year counts as cited when the pack's document names it (the year a "每年" clause starts).
/// </summary>
public static class PackNumbers
{
    /// <summary>Keys whose numbers are revisions or ordinals of the file itself, not figures of a policy.</summary>
    private static readonly HashSet<string> StructuralKeys = ["version", "number", "optional", "ordinal"];

    /// <summary>Keys that quote the document, and <c>reading</c>: how a number follows from the quoted words (每季度 → 4次).</summary>
    private static readonly string[] CitationKeys = ["source", "clause", "validity", "reading"];

    private static readonly HashSet<string> YearKeys = ["year", "fromYear", "toYear"];

    /// <summary>
    /// Every section labelled <c>default: true</c>, with its basis: what the packs page lists as platform defaults, and
    /// what the pages using such a number show beside it. A list item with a <c>key</c> is named by it
    /// (<c>measures[ankang.sme_equipment].checklistLabel</c>), so a page finds its row's label whatever the order; a
    /// model's item by its model's code and year (<c>indices[chain-index@2024]</c>, <c>models[per-mu-above@2024]</c>),
    /// which is how the stored model names itself.
    /// </summary>
    public static IReadOnlyList<(string Path, string? Basis)> LabelledSections(PackNode root)
    {
        var result = new List<(string, string?)>();
        void Visit(PackNode node, string path)
        {
            switch (node)
            {
                case PackMap map:
                    if (map.Text("default") is { } d && d.Equals("true", StringComparison.OrdinalIgnoreCase)) result.Add((path, map.Text("basis")));
                    foreach (var (k, v) in map.Entries) Visit(v, path.Length == 0 ? k : $"{path}.{k}");
                    break;
                case PackList list:
                    for (var i = 0; i < list.Items.Count; i++)
                        Visit(list.Items[i], $"{path}[{ItemName(list.Items[i], i)}]");
                    break;
            }
        }
        Visit(root, "");
        return result;
    }

    private static string ItemName(PackNode node, int index) => node switch
    {
        PackMap item when item.Text("key") is { Length: > 0 } key => key,
        PackMap item when item.Text("year") is { Length: > 0 } year && ModelCode(item) is { } code => $"{code}@{year}",
        _ => index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The code of the model an item holds: <c>model.code</c> (cultivation), <c>set.code</c> (condition sets) or
    /// <c>index.model.code</c> (evaluation); a cultivation <c>settings</c> item is the module's one settings model.
    /// </summary>
    private static string? ModelCode(PackMap item) =>
        (item["model"] as PackMap ?? item["set"] as PackMap ?? (item["index"] as PackMap)?["model"] as PackMap)?.Text("code") is { Length: > 0 } code ? code
        : item["settings"] is PackMap ? "settings" : null;

    public static IReadOnlyList<PackNumber> Classify(PackNode root, string? documentText)
    {
        var result = new List<PackNumber>();
        Walk(root, "", null, [], documentText ?? "", result);
        return result;
    }

    private sealed record Label(bool Default, string? Basis, string? Citation, string? Standard);

    private static void Walk(PackNode node, string path, string? key, List<Label> labels, string document, List<PackNumber> result)
    {
        switch (node)
        {
            case PackMap map:
                var label = LabelOf(map);
                var inner = label is null ? labels : [.. labels, label];
                foreach (var (k, v) in map.Entries)
                {
                    if (k is "default" or "basis" or "standard" || CitationKeys.Contains(k)) continue;
                    Walk(v, path.Length == 0 ? k : $"{path}.{k}", k, inner, document, result);
                }
                break;
            case PackList list:
                for (var i = 0; i < list.Items.Count; i++) Walk(list.Items[i], $"{path}[{i}]", key, labels, document, result);
                break;
            case PackScalar { Plain: true } scalar when IsNumber(scalar.Text):
                result.Add(Judge(path, key, scalar.Text, labels, document));
                break;
        }
    }

    private static Label? LabelOf(PackMap map)
    {
        var isDefault = map.Text("default") is { } d && d.Equals("true", StringComparison.OrdinalIgnoreCase);
        var basis = map.Text("basis");
        var standard = map.Text("standard");
        var citation = string.Join("\n", CitationKeys.Select(map.Text).OfType<string>());
        return isDefault || basis is not null || standard is not null || citation.Length > 0
            ? new Label(isDefault, basis, citation.Length > 0 ? citation : null, string.IsNullOrWhiteSpace(standard) ? null : standard)
            : null;
    }

    private static PackNumber Judge(string path, string? key, string value, List<Label> labels, string document)
    {
        if (key is not null && StructuralKeys.Contains(key)) return new(path, value, NumberBasis.Structural, $"{key}：文件修订号或条目序号，非政策数字");
        // Nearest first: a quoted clause that writes the number, or a section labelled a platform default.
        for (var i = labels.Count - 1; i >= 0; i--)
        {
            var l = labels[i];
            if (l.Citation is { } quote && Writes(quote, value)) return new(path, value, NumberBasis.Cited, quote);
            if (l.Standard is { } standard) return new(path, value, NumberBasis.Standard, standard);
            if (l.Default)
                return string.IsNullOrWhiteSpace(l.Basis)
                    ? new(path, value, NumberBasis.Unlabelled, "标为平台默认值但未写明依据（basis）")
                    : new(path, value, NumberBasis.PlatformDefault, l.Basis!);
        }
        if (key is not null && YearKeys.Contains(key) && Writes(document, value)) return new(path, value, NumberBasis.Cited, $"政策文件写明{value}年");
        return new(path, value, NumberBasis.Unlabelled, "既未见于所引条款，也未标为平台默认值 (neither cited nor labelled a platform default)");
    }

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Whether <paramref name="text"/> writes the number: as written (500 in "最高500万元", never the 50 of 500), or a
    /// fraction as the percentage the documents write (0.03 as "3%").
    /// </summary>
    public static bool Writes(string text, string number)
    {
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        var forms = new List<string> { Plain(value) };
        if (value is > 0m and < 1m) forms.Add(Plain(value * 100m) + "%");
        var normalised = text.Replace('％', '%').Replace(",", "");
        if (forms.Any(f => Regex.IsMatch(normalised, $@"(?<![\d.]){Regex.Escape(f)}(?![\d.])"))) return true;
        // The documents count small numbers in words: 五个一, 七大领域, 两大千亿集群, 一场大会.
        return value is >= 1m and <= 10m && value == decimal.Truncate(value) && ChineseNumerals[(int)value - 1]
            .Any(c => Regex.IsMatch(normalised, $@"(?<![一二两三四五六七八九十百千]){c}(?=[个场家项条次户大批座种])"));
    }

    private static readonly string[][] ChineseNumerals =
        [["一"], ["二", "两"], ["三"], ["四"], ["五"], ["六"], ["七"], ["八"], ["九"], ["十"]];

    private static string Plain(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
