namespace Qianglian.Core.Projects;

/// <summary>拿地、开工、主体完工、设备安装、投产、达产 — the nodes of a project's construction.</summary>
public enum MilestoneKind { LandAcquired = 1, Started = 2, StructureDone = 3, EquipmentInstalled = 4, Production = 5, FullCapacity = 6 }

public enum MilestoneState { Pending = 0, Late = 1, DoneOnTime = 2, DoneLate = 3 }

public static class Milestones
{
    public static string Name(MilestoneKind kind) => kind switch
    {
        MilestoneKind.LandAcquired => "拿地", MilestoneKind.Started => "开工", MilestoneKind.StructureDone => "主体完工",
        MilestoneKind.EquipmentInstalled => "设备安装", MilestoneKind.Production => "投产", _ => "达产",
    };

    /// <summary>A milestone with no actual date is late once its planned date has passed; one reached after plan was late.</summary>
    public static MilestoneState StateOf(DateOnly? planned, DateOnly? actual, DateOnly today) =>
        actual is { } a ? (planned is { } p && a > p ? MilestoneState.DoneLate : MilestoneState.DoneOnTime)
        : planned is { } q && q < today ? MilestoneState.Late
        : MilestoneState.Pending;

    /// <summary>Planned dates must follow the milestones' order (拿地 before 开工 before 主体完工 …).</summary>
    public static IEnumerable<(string Field, string Message)> CheckOrder(IReadOnlyList<(MilestoneKind Kind, DateOnly? Planned, DateOnly? Actual)> milestones, DateOnly today)
    {
        var ordered = milestones.Where(m => m.Planned is not null).OrderBy(m => m.Kind).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].Planned < ordered[i - 1].Planned)
                yield return ($"milestones.{ordered[i].Kind}", $"“{Name(ordered[i].Kind)}”的计划日期早于“{Name(ordered[i - 1].Kind)}” (planned dates out of order)");
        foreach (var m in milestones.Where(m => m.Actual > today))
            yield return ($"milestones.{m.Kind}", $"“{Name(m.Kind)}”的实际日期不能晚于今天 (an actual date cannot be in the future)");
    }
}
