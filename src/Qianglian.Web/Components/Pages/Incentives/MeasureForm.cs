using System.Globalization;
using System.Text.RegularExpressions;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Modules.Incentives;

namespace Qianglian.Web.Components.Pages.Incentives;

/// <summary>
/// The "new measure" form as officials fill it — amounts in 万元, rates in %, categories one a line — turned into the
/// request <see cref="ConfigureMeasure"/> takes (yuan, fractions). What the form cannot read is refused here naming
/// the field; everything else is judged by the operation's own validation, the same as for the API.
/// </summary>
public sealed partial class MeasureForm
{
    private const decimal Wan = 10_000m;

    public Guid JurisdictionId { get; set; }
    public Guid? DocumentId { get; set; }
    public Guid? MeasureId { get; set; }
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string Clause { get; set; } = "";
    public string SupportType { get; set; } = "";
    public string? ExclusivityGroup { get; set; }
    public IncentiveSubject Subject { get; set; } = IncentiveSubject.Project;
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidUntil { get; set; }
    public Guid? WorkflowId { get; set; }
    public string? Fund { get; set; }

    public RuleKind Kind { get; set; } = RuleKind.PercentOfBase;
    public Figure Base { get; set; } = Figure.EquipmentInvestment;
    public decimal? RatePercent { get; set; }
    /// <summary>RateByCategory: one category a line, "名称 比例%" (智改数转 8%).</summary>
    public string Categories { get; set; } = "";
    public decimal? CapWan { get; set; }
    /// <summary>FixedAward: empty leaves the amount "to be set".</summary>
    public decimal? AmountWan { get; set; }

    public IReadOnlyCollection<string> Flags { get; set; } = [];
    public bool OnSchedule { get; set; }
    public bool Sme { get; set; }
    public Figure? MinimumFigure { get; set; }
    public decimal? MinimumWan { get; set; }
    public string? Attested { get; set; }
    /// <summary>One document a line; empty: the checklist of the chosen document (its 附件).</summary>
    public string Checklist { get; set; } = "";

    [GeneratedRegex(@"^(?<name>.+?)[\s:：=，,]+(?<rate>\d+(\.\d+)?)\s*[%％]?$")]
    private static partial Regex CategoryLine();

    public ConfigureMeasure.CreateRequest ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        var categories = new List<CategoryRate>();
        if (Kind == RuleKind.RateByCategory)
        {
            var lines = Lines(Categories);
            for (var i = 0; i < lines.Count; i++)
            {
                if (CategoryLine().Match(lines[i]) is { Success: true } m)
                    categories.Add(new CategoryRate(m.Groups["name"].Value.Trim(), decimal.Parse(m.Groups["rate"].Value, CultureInfo.InvariantCulture) / 100m));
                else
                    errors["rule.categories"] = [$"第{i + 1}行“{lines[i]}”应写作“类别名称 比例%”，如“智改数转 8%” (name and rate per line)"];
            }
        }
        if (MinimumFigure is not null && MinimumWan is null) errors["rule.conditions.minimum"] = ["选择了门槛指标，须填写门槛金额（万元） (minimum is required)"];
        if (MinimumFigure is null && MinimumWan is not null) errors["rule.conditions.figure"] = ["填写了门槛金额，须选择门槛指标 (figure is required)"];
        if (errors.Count > 0) throw new ValidationException(errors);

        var conditions = new List<RuleCondition>();
        if (Flags.Any()) conditions.Add(new RuleCondition { Kind = ConditionKind.ProjectFlag, Flags = Flags.ToList() });
        if (OnSchedule) conditions.Add(new RuleCondition { Kind = ConditionKind.CompletedOnSchedule });
        if (Sme) conditions.Add(new RuleCondition { Kind = ConditionKind.Sme });
        if (MinimumFigure is { } figure) conditions.Add(new RuleCondition { Kind = ConditionKind.AtLeast, Figure = figure, Minimum = MinimumWan * Wan });
        if (!string.IsNullOrWhiteSpace(Attested)) conditions.Add(new RuleCondition { Kind = ConditionKind.Attested, Text = Attested.Trim() });

        var rule = new IncentiveRule
        {
            Kind = Kind,
            Base = Base,
            Rate = Kind is RuleKind.PercentOfBase or RuleKind.LoanInterest ? RatePercent / 100m : null,
            Categories = categories,
            Cap = Kind == RuleKind.FixedAward ? null : CapWan * Wan,
            Amount = Kind == RuleKind.FixedAward ? AmountWan * Wan : null,
            Conditions = conditions,
        };
        var checklist = Lines(Checklist);
        var fields = new ConfigureMeasure.MeasureFields(Key, Title, Clause, SupportType, rule, MeasureId, ExclusivityGroup, Subject,
            Date(ValidFrom), Date(ValidUntil), checklist.Count == 0 ? null : checklist.Select((name, i) => new ChecklistEntry(i + 1, name, true, [])).ToList(),
            WorkflowId, Fund);
        return new ConfigureMeasure.CreateRequest(JurisdictionId, fields);
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static DateOnly? Date(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;
}
