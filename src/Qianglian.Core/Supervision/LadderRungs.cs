namespace Qianglian.Core.Supervision;

/// <summary>
/// The rungs a jurisdiction's problem ladder has, as its text gives them (supervision.yaml <c>escalation.rungs</c>).
/// Every ladder starts at the county/park (<see cref="EscalationLevel.Local"/>); the rungs above it may be left out
/// when the text has none: 达州 （三） "县级层面无法解决的重大问题，由各牵头部门提交产业链链长、副链长" ends at the chain
/// chief, with no joint meeting above it.
/// </summary>
public sealed record LadderRungs(bool LeadDepartment, bool ChainChief, bool JointMeeting)
{
    /// <summary>The platform's full ladder: county/park → lead department → chain chief → joint meeting.</summary>
    public static readonly LadderRungs All = new(true, true, true);

    public static readonly IReadOnlyList<string> Names = ["local", "leadDepartment", "chainChief", "jointMeeting"];

    /// <summary>The levels in order, lowest first.</summary>
    public IReadOnlyList<EscalationLevel> Levels =>
    [
        EscalationLevel.Local,
        .. LeadDepartment ? [EscalationLevel.LeadDepartment] : Array.Empty<EscalationLevel>(),
        .. ChainChief ? [EscalationLevel.ChainChief] : Array.Empty<EscalationLevel>(),
        .. JointMeeting ? [EscalationLevel.JointMeeting] : Array.Empty<EscalationLevel>(),
    ];

    public bool Has(EscalationLevel level) => level switch
    {
        EscalationLevel.LeadDepartment => LeadDepartment,
        EscalationLevel.ChainChief => ChainChief,
        EscalationLevel.JointMeeting => JointMeeting,
        _ => true,
    };

    /// <summary>
    /// Reads the rung names (null or empty: the full ladder). The list starts with <c>local</c>, names each rung once,
    /// lowest first; every problem names the field.
    /// </summary>
    public static (LadderRungs? Rungs, IReadOnlyList<(string Field, string Message)> Problems) Parse(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0) return (All, []);
        var problems = new List<(string, string)>();
        var seen = new List<int>();
        for (var i = 0; i < names.Count; i++)
        {
            var index = Names.ToList().FindIndex(n => string.Equals(n, names[i], StringComparison.OrdinalIgnoreCase));
            if (index < 0) problems.Add(($"rungs[{i}]", $"未知的层级“{names[i]}”，应为 local、leadDepartment、chainChief、jointMeeting (unknown rung)"));
            else if (seen.Contains(index)) problems.Add(($"rungs[{i}]", $"层级“{names[i]}”重复 (rung named twice)"));
            else if (seen.Count > 0 && index < seen[^1]) problems.Add(($"rungs[{i}]", $"层级“{names[i]}”应排在前一层级之前 (rungs go lowest first)"));
            else seen.Add(index);
        }
        if (problems.Count == 0 && (seen.Count == 0 || seen[0] != 0))
            problems.Add(("rungs[0]", "问题台账须从县区/园区（local）开始 (the ladder starts at local)"));
        return problems.Count > 0 ? (null, problems) : (new LadderRungs(seen.Contains(1), seen.Contains(2), seen.Contains(3)), []);
    }
}
