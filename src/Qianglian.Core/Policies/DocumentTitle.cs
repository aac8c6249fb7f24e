namespace Qianglian.Core.Policies;

/// <summary>
/// The document's own title: the last title-like line before the first heading (a short line naming a kind of
/// document — 措施, 方案, 意见 …), joined with the short lines wrapped above it. A covering notice (关于印发…的通知)
/// that precedes the real title loses to it, being earlier.
/// </summary>
internal static class DocumentTitle
{
    private static readonly string[] Kinds = ["措施", "方案", "意见", "办法", "通知", "规划", "细则", "政策", "决定"];
    private static readonly string[] Skipped = ["附件", "征求意见稿"];

    public static string Find(string[] lines, int firstHeadingIndex)
    {
        var end = firstHeadingIndex < 0 ? lines.Length : firstHeadingIndex;
        for (var i = end - 1; i >= 0; i--)
        {
            var line = DocumentText.Clean(lines[i]);
            if (!IsTitleLike(line) || !Kinds.Any(line.Contains)) continue;
            var start = i;
            while (start > 0 && IsTitleLike(DocumentText.Clean(lines[start - 1])) && DocumentText.Clean(lines[start - 1]).Length > 0) start--;
            return string.Concat(Enumerable.Range(start, i - start + 1).Select(k => DocumentText.WithoutSpaces(DocumentText.Clean(lines[k]))));
        }
        var first = lines.Select(DocumentText.Clean).FirstOrDefault(l => l.Length > 0 && !Skipped.Any(l.Contains)) ?? "";
        return first.Length > 60 ? first[..60] : first;
    }

    private static bool IsTitleLike(string line) =>
        line.Length is > 0 and <= 60 && !line.EndsWith('。') && !line.EndsWith('：') && !line.EndsWith(':')
        && !Skipped.Any(s => line.Contains(s)) && !line.StartsWith('《');
}
