using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// The cultivation ledgers as .xlsx — a run's results with every indicator's value, points and rule; the tier ledger
/// with history, exits and chain targets; the 专精特新 pipeline; the 小升规 pool; the IPO pool; the one-time awards —
/// and expert scores from .xlsx (template, row-by-row errors, nothing written unless the file is clean or asked).
/// </summary>
public sealed class CultivationExcel(AppDb dbs, CurrentUser user, TimeProvider clock, ReadRuns runs, ReadTierLedger ledger, ReadGradient gradient, ReadScaleUps scaleUps)
{
    public const string ExpertSheet = "专家评分";
    public const string Uscc = "统一社会信用代码", Chain = "产业链", Year = "年度", Key = "评分项", Score = "评分", Note = "说明";

    public async Task<byte[]> Results(Guid runId, CancellationToken ct)
    {
        var run = await runs.Get(runId, ct);
        var rows = new List<IDictionary<string, object?>>();
        Dictionary<Guid, Dictionary<string, decimal>> averages;
        var models = new Dictionary<Guid, CompiledModel>();
        await using (var db = dbs.Open())
        {
            // The run is the caller's (runs.Get found it); its models are kept at its jurisdiction or above.
            var stored = await db.EvaluationRuns.AsNoTracking().SingleAsync(x => x.Id == runId, ct);
            averages = ResultExplanation.ReadByModel(stored.Averages);
            var used = stored.ModelIds;
            foreach (var model in await db.InheritedAsync<CultivationModel>([stored.JurisdictionPath], ct, m => used.Contains(m.Id)))
                models[model.Id] = CompiledModel.Of(ModelJson.Read<ScoringModel>(model.Definition));
        }
        for (var page = 1; ; page++)
        {
            var chunk = await runs.Results(runId, new ReadRuns.ResultQuery(Page: page, PageSize: 500), ct);
            await using var db = dbs.Open();
            var ids = chunk.Items.Select(i => i.Id).ToList();
            var stored = await db.EvaluationResults.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
            foreach (var r in chunk.Items)
            {
                var result = stored[r.Id];
                var score = ResultExplanation.Of(result, models[result.ModelId], ResultExplanation.ForModel(averages, result.ModelId), r.EnterpriseName);
                var row = new Dictionary<string, object?>();
                // A grading ranks 规上 and 规下 enterprises each in their own group (安康 七).
                if (run.Kind == RunKind.Grading) row["组别"] = r.Group;
                row[run.Kind == RunKind.Grading ? "组内排名" : "排名（本链内）"] = r.Rank;
                (row["企业名称"], row[Uscc], row[Chain], row["得分"]) = (r.EnterpriseName, r.Uscc, r.ChainName, r.Score);
                row[run.Kind == RunKind.Grading ? "评价等级" : "达到梯度"] = r.Class;
                if (run.Kind == RunKind.Grading) row["最终等级"] = r.FinalClass;
                else
                {
                    row["原梯度"] = r.HeldTier is { } held ? TierNames.Of(held) : "";
                    row["建议"] = TierNames.Of(r.Proposal);
                    row["处理"] = r.Decision switch { Decision.Confirmed => "已确认", Decision.Rejected => "不同意：" + r.DecisionNote, Decision.Pending => "待确认", _ => "" };
                }
                foreach (var line in score.Lines)
                {
                    row[$"{line.Name}（值）"] = line.Value;
                    row[$"{line.Name}（得分）"] = line.Points;
                }
                row["计分说明"] = string.Join("\n", score.Lines.Select(l => $"{l.Name}：{l.Rule}"));
                row["备注"] = r.Notes;
                rows.Add(row);
            }
            if (chunk.Items.Count < 500) break;
        }
        return Sheets(("评价结果", Uniform(rows)), ("模型与说明", [new Dictionary<string, object?> { ["项目"] = run.Title, ["说明"] = run.ModelVersions }]));
    }

    public async Task<byte[]> Tiers(CancellationToken ct)
    {
        var tiers = await ledger.Tiers(null, true, ct);
        var exits = await ledger.Exits(ct);
        var counts = await ledger.ChainCounts(ct);
        return Sheets(
            ("梯度台账", tiers.Select(t => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Chain] = t.ChainName, ["企业名称"] = t.EnterpriseName, ["梯度"] = TierNames.Of(t.Tier), ["起始年度"] = t.FromYear, ["截止年度"] = t.ToYear,
                ["变动"] = t.EndedBy is { } k ? TierNames.Of(k) : "在库",
            }).ToList()),
            ("退出记录", exits.Select(x => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Chain] = x.ChainName, ["企业名称"] = x.EnterpriseName, ["原梯度"] = TierNames.Of(x.LastTier), ["评估年度"] = x.Year, ["退出原因"] = x.Reason,
                ["告知内容"] = x.Notice, ["告知日期"] = x.NoticeDate.ToString("yyyy-MM-dd"),
            }).ToList()),
            ("各链链主目标", counts.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Chain] = c.ChainName, ["示范库"] = c.Demonstration, ["培育库"] = c.Cultivation, ["候选库"] = c.Candidate, ["链主企业"] = c.Leaders,
                ["目标"] = c.Target, ["是否达标"] = c.TargetMet is { } met ? (met ? "是" : "否") : "",
            }).ToList()));
    }

    public async Task<byte[]> Gradient(int year, CancellationToken ct)
    {
        var rows = await gradient.Pipeline(year, ct);
        var awards = await gradient.Awards(year, ct);
        return Sheets(
            ("专精特新梯度", rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["企业名称"] = r.Name, [Uscc] = r.Uscc, ["已获认定"] = LevelName(r.Held), ["可申报"] = LevelName(r.CanApplyFor), ["创新型中小企业评价得分"] = r.InnovativeScore, ["说明"] = r.Summary,
            }).ToList()),
            ("首次认定奖励", awards.Select(a => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["企业名称"] = a.Name, [Uscc] = a.Uscc, ["荣誉"] = a.Kind.ToString(), ["级别"] = a.Level.ToString(), ["认定年度"] = a.Year,
            }).ToList()));
    }

    public async Task<byte[]> SmallToScale(int year, CancellationToken ct)
    {
        var view = await scaleUps.SmallToScalePool(year, ct);
        return Sheets(
            ("小升规培育库", view.Items.Select(p => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["企业名称"] = p.Name, [Uscc] = p.Uscc, ["营业收入（万元）"] = p.Revenue / 10_000m, ["年均增长率"] = p.Growth,
                ["预计达规年份"] = p.CrossesIn, ["测算说明"] = p.Reason,
            }).ToList()),
            ("净增规上企业", [new Dictionary<string, object?>
            {
                ["年度"] = view.Year, ["规上企业"] = view.AboveScale, ["上年规上企业"] = view.AboveScaleLastYear, ["新进"] = view.Entered, ["退出"] = view.Left,
                ["净增"] = view.NetNew, ["年度目标"] = view.Target,
            }]));
    }

    public async Task<byte[]> Ipo(CancellationToken ct) =>
        Sheets(("上市后备企业资源库", (await scaleUps.IpoPool(ct)).Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["企业名称"] = r.Name, [Uscc] = r.Uscc, ["阶段"] = r.Stage switch { ListingStatus.Reserve => "后备", ListingStatus.Counselling => "辅导", ListingStatus.Filing => "申报", _ => "上市" },
            ["最近年度营业收入（万元）"] = r.Revenue / 10_000m,
        }).ToList()));

    public byte[] ExpertTemplate()
    {
        user.Require(Permission.ViewCultivation);
        return Workbooks.Template(ExpertSheet, [Uscc, Chain, Year, Key, Score, Note],
        [
            (Uscc, "已登记企业的代码"), (Chain, "链主评价的评分须填产业链名称；专精特新评价得分留空"), (Year, "评价年度，如 2024"),
            (Key, "模型中“expert:”后的评分项，如 position、innovation、integration、srdi-score"), (Score, "在模型规定的范围内，如 0–10"),
        ]);
    }

    public async Task<ImportReport> ImportExpertScores(Stream file, ImportMode mode, CancellationToken ct)
    {
        user.Require(Permission.ScoreExperts);
        var sheet = SheetReader.Open(file, [Uscc, Year, Key, Score], [Chain, Note]);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        await using var db = dbs.Open();
        var errors = new List<ImportError>();
        var good = new List<(int Row, Enterprise Enterprise, Guid? Chain, int Year, string Key, decimal Score, string? Note)>();
        var chains = await db.Chains.AsNoTracking().ToListAsync(ct);
        var enterprises = new Dictionary<string, Enterprise?>();
        var seen = new Dictionary<(string, Guid?, int, string), int>();
        var total = 0;
        foreach (var (number, cells) in sheet.Rows)
        {
            total++;
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v.Trim() : "";
            var uscc = EnterpriseRules.NormaliseUscc(Cell(Uscc));
            if (!enterprises.TryGetValue(uscc, out var enterprise))
                enterprises[uscc] = enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == uscc, ct);
            if (enterprise is null) { errors.Add(new(number, Uscc, "企业未登记或不在本账号管辖范围内 (enterprise not registered in your scope)")); continue; }
            Chains.Chain? chain = null;
            if (Cell(Chain) is { Length: > 0 } chainName)
            {
                var named = chains.Where(c => c.Name == chainName && enterprise.JurisdictionPath.StartsWith(c.JurisdictionPath, StringComparison.Ordinal)).ToList();
                if (named.Count != 1) { errors.Add(new(number, Chain, named.Count == 0 ? $"找不到产业链“{chainName}” (chain not found)" : $"产业链“{chainName}”不唯一 (ambiguous chain)")); continue; }
                chain = named[0];
            }
            if (!int.TryParse(Cell(Year), out var year)) { errors.Add(new(number, Year, $"年度“{Cell(Year)}”不是整数 (year must be a whole number)")); continue; }
            if (!decimal.TryParse(Cell(Score), NumberStyles.Number, CultureInfo.InvariantCulture, out var score)) { errors.Add(new(number, Score, $"“{Cell(Score)}”不是数字 (not a number)")); continue; }
            var check = await SaveCultivationData.CheckScore(db, enterprise.JurisdictionPath, chain?.JurisdictionPath, year, Cell(Key), score, clock.GetUtcNow().Year, ct);
            if (check is { } c1) { errors.Add(new(number, c1.Field switch { "year" => Year, "key" => Key, _ => Score }, c1.Message)); continue; }
            if (seen.TryGetValue((uscc, chain?.Id, year, Cell(Key)), out var first)) { errors.Add(new(number, Key, $"与第{first}行重复 (duplicate of row {first})")); continue; }
            seen[(uscc, chain?.Id, year, Cell(Key))] = number;
            good.Add((number, enterprise, chain?.Id, year, Cell(Key), score, Cell(Note) is { Length: > 0 } n ? n : null));
        }
        if (total == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        if (errors.Count > 0 && mode == ImportMode.AllOrNothing) return ImportReport.Refused(errors, total);
        int inserted = 0, updated = 0;
        foreach (var g in good)
        {
            var row = await db.ExpertScores.FirstOrDefaultAsync(s => s.EnterpriseId == g.Enterprise.Id && s.ChainId == g.Chain && s.Year == g.Year && s.Key == g.Key, ct);
            if (row is null)
            {
                db.ExpertScores.Add(row = new ExpertScore { EnterpriseId = g.Enterprise.Id, ChainId = g.Chain, JurisdictionId = g.Enterprise.JurisdictionId, Year = g.Year, Key = g.Key });
                inserted++;
            }
            else updated++;
            (row.Score, row.Reviewer, row.Note) = (g.Score, user.Name, g.Note);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(total, inserted, updated, true, errors);
    }

    internal static string LevelName(GradientLevel level) => level switch
    {
        GradientLevel.InnovativeSme => "创新型中小企业", GradientLevel.SrdiSme => "专精特新中小企业", GradientLevel.LittleGiant => "专精特新“小巨人”", _ => "",
    };

    /// <summary>MiniExcel takes the first row's keys as the header: give every row every column.</summary>
    private static List<IDictionary<string, object?>> Uniform(List<IDictionary<string, object?>> rows)
    {
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        return rows.Select(r => (IDictionary<string, object?>)columns.ToDictionary(c => c, c => r.TryGetValue(c, out var v) ? v : null)).ToList();
    }

    private static byte[] Sheets(params (string Name, List<IDictionary<string, object?>> Rows)[] sheets)
    {
        var book = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets)
            book[name] = rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["（无数据）"] = null }];
        using var stream = new MemoryStream();
        stream.SaveAs(book);
        return stream.ToArray();
    }
}
