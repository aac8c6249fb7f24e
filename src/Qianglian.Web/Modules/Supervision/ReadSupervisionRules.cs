using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Policies;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The supervision numbers a jurisdiction works under — escalation days, the report day, the assessment and matching
/// weights — with, for each section, the basis when no seed gives it (issue 14 item 8: labelled a platform default "in
/// the pack and on screen"). The task, problem and supply-demand pages show them beside what they compute.
/// </summary>
/// <param name="PackCode">The pack whose settings govern (its own or the nearest ancestor's); null: the platform's built-in numbers.</param>
public sealed record SupervisionRulesView(string? PackCode, EscalationDeadlines Escalation, ReportingRules Reporting,
    AssessmentWeights Assessment, MatchWeights Matching, string? EscalationDefaultBasis, string? ReportingDefaultBasis,
    string? AssessmentDefaultBasis, string? MatchingDefaultBasis);

public sealed class ReadSupervisionRules(AppDb dbs, CurrentUser user, PlatformDefaults defaults)
{
    /// <summary>Said of every section when no pack configures the jurisdiction's supervision at all.</summary>
    public const string BuiltIn = "本辖区及上级均未配置督查设置：平台内置默认值 (no pack configures supervision here: the platform's built-in numbers)";

    public async Task<SupervisionRulesView> Handle(Guid? jurisdictionId, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var path = jurisdictionId is { } j
            ? await db.Jurisdictions.Where(x => x.Id == j).Select(x => x.JurisdictionPath).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)")
            : user.Scope.Path;
        var settings = await SupervisionSettingsReader.ForPathAsync(db, path, ct);
        var rules = SupervisionSettingsReader.RulesOf(settings);
        string? Label(string section) => settings is null ? BuiltIn : defaults.BasisOf(settings.PackCode, SupervisionSettingsLoader.FileName, section);
        return new SupervisionRulesView(settings?.PackCode, rules.Deadlines, rules.Reporting, rules.Assessment, rules.Matching,
            Label("escalation"), Label("reporting"), Label("assessment"), Label("matching"));
    }
}
