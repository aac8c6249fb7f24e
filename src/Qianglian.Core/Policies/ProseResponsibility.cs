using System.Text.RegularExpressions;

namespace Qianglian.Core.Policies;

/// <summary>
/// A measure without a responsibility clause may still say in its prose who acts with whom: "市经济和信息化局承担……
/// 统筹负责……；会同市统计局建立产业链评价指数体系" (达州 （七）). The unit that opens the sentence is its subject and
/// leads; the units written right after "会同" work with it. The same measure gives the chains' places their parts:
/// "主要承载地政府要完善工作机制，负责……具体任务落地落实" — the host places' governments are responsible, so they lead;
/// "协同发展地要主动对接主要承载地……做好主要承载地产业配套" — the collaborating places support the hosts, so they cooperate.
/// Nothing else in prose is read as responsibility: a measure whose text has none of these stays without one (and its
/// task waits to be assigned).
/// </summary>
internal static partial class ProseResponsibility
{
    /// <summary>A government unit's name as the seeds write it: a level, a short name, and the kind of body.</summary>
    private const string UnitName = @"(?:市|区|县|省)[\p{IsCJKUnifiedIdeographs}]{1,14}?(?:委员会|管委会|人民政府|政府|局|委|办)";

    /// <summary>A sentence (up to 。) that opens with a unit and, later in it, "会同" one or more units.</summary>
    [GeneratedRegex(@"(?:^|。)\s*(?<subject>" + UnitName + @")[^。]*?会同(?<with>" + UnitName + @"(?:[、和]" + UnitName + @")*)")]
    private static partial Regex WorksWith();

    [GeneratedRegex(UnitName)]
    private static partial Regex Unit();

    /// <summary>A sentence whose subject is the chains' places by role and says what they must do ("…要…").</summary>
    [GeneratedRegex(@"(?:^|。)\s*(?<place>主要承载地政府|协同发展地)要[^。]*")]
    private static partial Regex PlacesMust();

    public static Responsibility Read(string measureText)
    {
        var text = DocumentText.WithoutSpaces(measureText);
        var lead = new List<string>();
        var cooperating = new List<string>();
        var said = new List<string>();
        foreach (Match m in WorksWith().Matches(text))
        {
            lead.Add(m.Groups["subject"].Value);
            cooperating.AddRange(Unit().Matches(m.Groups["with"].Value).Select(u => u.Value));
            said.Add(m.Value.TrimStart('。'));
        }
        foreach (Match m in PlacesMust().Matches(text))
        {
            var place = m.Groups["place"].Value;
            (place.StartsWith("主要承载地", StringComparison.Ordinal) ? lead : cooperating).Add(place);
            said.Add(m.Value.TrimStart('。'));
        }
        if (lead.Count == 0 && cooperating.Count == 0) return Responsibility.Empty;
        var leads = lead.Distinct(StringComparer.Ordinal).ToList();
        return new Responsibility(leads, cooperating.Distinct(StringComparer.Ordinal).Except(leads, StringComparer.Ordinal).ToList(),
            ResponsibilityForm.NamedInProse, string.Join("；", said));
    }
}
