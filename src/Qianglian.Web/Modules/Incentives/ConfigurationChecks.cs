using Qianglian.Core.Incentives;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>Checks of a rule against the names the host knows: project flags and honours.</summary>
public static class MeasureRules
{
    public static IEnumerable<(string Field, string Message)> CheckNames(IncentiveRule rule)
    {
        for (var i = 0; i < rule.Conditions.Count; i++)
        {
            var c = rule.Conditions[i];
            foreach (var flag in c.Flags.Where(f => !Enum.TryParse<ProjectFlags>(f, false, out _)))
                yield return ($"rule.conditions[{i}].flags", $"未知的项目类别“{flag}”，可选：{string.Join("、", Enum.GetNames<ProjectFlags>().Where(n => n != "None"))}");
            if (c.Kind == ConditionKind.Honour && !Enum.TryParse<HonourKind>(c.Honour, false, out _))
                yield return ($"rule.conditions[{i}].honour", $"未知的荣誉类别“{c.Honour}”，可选：{string.Join("、", Enum.GetNames<HonourKind>())}");
            if (c.Kind == ConditionKind.Honour && c.HonourLevel is { } level && !Enum.TryParse<HonourLevel>(level, false, out _))
                yield return ($"rule.conditions[{i}].honourLevel", $"未知的荣誉级别“{level}”，可选：{string.Join("、", Enum.GetNames<HonourLevel>())}");
        }
    }
}

/// <summary>A workflow definition's own rules plus the names it uses: registered unit keys and roles.</summary>
public static class WorkflowRules
{
    public static IEnumerable<(string Field, string Message)> Check(WorkflowDefinition definition, IReadOnlySet<string> unitKeys)
    {
        foreach (var error in definition.Validate()) yield return error;
        for (var i = 0; i < definition.Stages.Count; i++)
        {
            var s = definition.Stages[i];
            if (s.Actor.Unit is { } unit && !unitKeys.Contains(unit))
                yield return ($"stages[{i}].actor.unit", $"单位“{unit}”未登记 (unknown unit key)");
            foreach (var role in s.Actor.Roles.Where(r => !Roles.All.Contains(r)))
                yield return ($"stages[{i}].actor.roles", $"未知的角色“{role}”，可选：{string.Join("、", Roles.All)}");
            foreach (var opinion in s.Opinions.Where(o => !unitKeys.Contains(o)))
                yield return ($"stages[{i}].opinions", $"会商单位“{opinion}”未登记 (unknown unit key)");
        }
    }
}
