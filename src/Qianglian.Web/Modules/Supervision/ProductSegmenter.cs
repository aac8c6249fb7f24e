using JiebaNet.Segmenter;
using Qianglian.Core.Supervision;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// Chinese word segmentation of product texts with jieba.NET (its dictionary and HMM model are copied beside the
/// app, see the project file). Loaded once; cuts are serialised because the segmenter keeps state while it cuts.
/// </summary>
public sealed class ProductSegmenter
{
    private readonly Lock gate = new();
    private readonly Lazy<JiebaSegmenter> segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new JiebaSegmenter();
    });

    private readonly HashSet<string> learned = new(StringComparer.Ordinal);

    /// <summary>
    /// Teaches the dictionary the chains' own words (node names such as 钛精矿, 海绵钛), which a general dictionary
    /// splits; each word once.
    /// </summary>
    public void Learn(IEnumerable<string> words)
    {
        lock (gate)
            foreach (var word in words.Select(w => w.Trim()).Where(w => w.Length > 1 && learned.Add(w)))
                segmenter.Value.AddWord(word);
    }

    public IReadOnlySet<string> KeywordsOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new HashSet<string>();
        lock (gate) return Keywords.From(segmenter.Value.CutForSearch(text));
    }

    public static IReadOnlySet<string> Parse(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
