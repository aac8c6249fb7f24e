using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// The attraction ledgers as sheets — a chain's target list, the leads, the funds in place — exported in the
/// columns their import reads, with templates. Every row is checked by the same rules as the forms; a file with any
/// bad row changes nothing (errors by row and column), a clean one is written in one save.
/// </summary>
public sealed class InvestmentExcel(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string Node = "环节", Enterprise = "目标企业", Uscc = "统一社会信用代码", Location = "所在地", Industry = "行业代码",
        Purpose = "定位", Source = "来源", Priority = "优先级", Note = "备注", Pushed = "推送情况";
    private static readonly string[] TargetRequired = [Node, Enterprise, Purpose, Source];
    private static readonly string[] TargetOptional = [Uscc, Location, Industry, Priority, Note, Pushed];

    public const string LeadName = "项目名称", Investor = "投资方", InvestorUscc = "投资方信用代码", InvestorPlace = "投资方所在地", Planned = "计划投资（万元）",
        Major = "重大项目", TaskForce = "工作专班", Leader = "包抓领导", Opened = "线索日期", StageCol = "阶段", DealCol = "一事一议";
    private static readonly string[] LeadRequired = [LeadName, Investor];
    private static readonly string[] LeadOptional = [InvestorUscc, InvestorPlace, Industry, Planned, Major, TaskForce, Leader, Opened, Note, StageCol, DealCol, Source];

    public const string Project = "项目名称", Year = "年", Month = "月", Amount = "到位资金（万元）";
    private static readonly string[] FundsRequired = [Project, Year, Month, Amount];
    private static readonly string[] FundsOptional = [Note];

    private static readonly Dictionary<string, TargetPurpose> Purposes = new() { ["延链"] = TargetPurpose.Extend, ["补链"] = TargetPurpose.Fill };
    private static readonly Dictionary<string, TargetSource> Sources = Enum.GetValues<TargetSource>().ToDictionary(TargetLists.Name);
    private static readonly Dictionary<string, TargetPriority> Priorities = Enum.GetValues<TargetPriority>().ToDictionary(TargetLists.Name);

    private T Viewing<T>(Func<T> make)
    {
        user.Require(Permission.ViewInvestment);
        return make();
    }

    // --- target list ------------------------------------------------------------------------------------------

    public byte[] TargetTemplate() => Viewing(() => Workbooks.Template("招商目标企业清单", [Node, Enterprise, Uscc, Location, Industry, Purpose, Source, Priority, Note],
    [
        (Node, "必填；本产业链的环节名称"), (Enterprise, "必填；辖区外的目标企业，本辖区企业不列入"), (Uscc, "选填；填写则校验"),
        (Industry, "选填；GB/T 4754-2017 行业代码，如 3219"), (Purpose, "延链 / 补链"), (Source, "缺口分析 / 链主供应商名单 / 以商招商 / 产业链招商"),
        (Priority, "高 / 中 / 低，空为中"), (Note, "选填"),
    ]));

    public async Task<byte[]> ExportTargets(Guid? chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var rows = db.Set<TargetEnterprise>().AsNoTracking();
        if (chainId is { } c) rows = rows.Where(t => t.ChainId == c);
        var views = await ReadTargetList.Views(db, await rows.OrderBy(t => t.Priority).ThenBy(t => t.EnterpriseName).ToListAsync(ct), ct);
        return Workbooks.Rows("招商目标企业清单", views.Select(t => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["产业链"] = t.ChainName, [Node] = t.NodeName, [Enterprise] = t.EnterpriseName, [Uscc] = t.Uscc, [Location] = t.Location, [Industry] = t.IndustryLabel,
            [Purpose] = TargetLists.Name(t.Purpose), [Source] = TargetLists.Name(t.Source), [Priority] = TargetLists.Name(t.Priority), [Note] = t.Note,
            [Pushed] = string.Join("；", t.Pushes.Select(p => $"{p.Locality}{TargetLists.Name(p.Status)}{(p.ReturnReason is { } r ? "：" + r : "")}")),
        }));
    }

    /// <summary>Adds the rows of a chain's list; a row naming an entry already on the list (node and enterprise) updates it.</summary>
    public async Task<ImportReport> ImportTargets(Guid chainId, Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        await using var db = dbs.Open();
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var sheet = SheetReader.Open(file, TargetRequired, [.. TargetOptional, "产业链"]);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var nodes = await db.ChainNodes.Where(n => n.ChainId == chainId).ToListAsync(ct);
        var stored = await db.Set<TargetEnterprise>().Where(t => t.ChainId == chainId).ToListAsync(ct);
        var errors = new List<ImportError>();
        var rows = new List<(int Row, SaveTarget.TargetFields Fields)>();
        foreach (var (number, cells) in sheet.Rows)
        {
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            var node = nodes.Where(n => n.Name == Cell(Node)).ToList();
            if (node.Count != 1) errors.Add(new(number, Node, node.Count == 0 ? $"“{Cell(Node)}”不是本产业链的环节 (unknown node)" : $"“{Cell(Node)}”在本产业链中重名，请在页面上逐条添加 (ambiguous node)"));
            if (!Purposes.TryGetValue(Cell(Purpose), out var purpose)) errors.Add(new(number, Purpose, $"“{Cell(Purpose)}”应为 延链/补链 (unknown purpose)"));
            if (!Sources.TryGetValue(Cell(Source), out var source)) errors.Add(new(number, Source, $"“{Cell(Source)}”应为 {string.Join("/", Sources.Keys)} (unknown source)"));
            var priority = TargetPriority.Medium;
            if (Cell(Priority).Length > 0 && !Priorities.TryGetValue(Cell(Priority), out priority)) errors.Add(new(number, Priority, $"“{Cell(Priority)}”应为 高/中/低 (unknown priority)"));
            if (node.Count != 1 || errors.Any(e => e.Row == number)) continue;
            var fields = new SaveTarget.TargetFields(node[0].Id, Cell(Enterprise), purpose, source, priority, Cell(Uscc), Cell(Location), Cell(Industry), Cell(Note));
            var checkedFields = await CheckRow(number, errors, async () =>
            {
                var f = SaveTarget.Normalise(fields);
                var existing = stored.FirstOrDefault(t => t.NodeId == f.NodeId && t.EnterpriseName == f.EnterpriseName);
                await SaveTarget.Check(db, chain, f, existing?.Id, ct);
                if (rows.Any(r => r.Fields.NodeId == f.NodeId && r.Fields.EnterpriseName == f.EnterpriseName))
                    throw new ValidationException("enterpriseName", $"“{f.EnterpriseName}”在文件中重复 (duplicate row)");
                return f;
            }, Columns);
            if (checkedFields is not null) rows.Add((number, checkedFields));
        }
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count + errors.Select(e => e.Row).Distinct().Count());
        int inserted = 0, updated = 0;
        foreach (var (_, f) in rows)
        {
            var target = stored.FirstOrDefault(t => t.NodeId == f.NodeId && t.EnterpriseName == f.EnterpriseName);
            if (target is null) { db.Add(target = new TargetEnterprise { ChainId = chainId, JurisdictionId = chain.JurisdictionId }); inserted++; }
            else updated++;
            SaveTarget.Apply(target, f);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }

    private static readonly Dictionary<string, string> Columns = new()
    {
        ["enterpriseName"] = Enterprise, ["uscc"] = Uscc, ["industryCode"] = Industry, ["nodeId"] = Node, ["name"] = LeadName, ["investorName"] = Investor,
        ["investorUscc"] = InvestorUscc, ["plannedInvestment"] = Planned, ["openedOn"] = Opened, ["projectId"] = Project, ["month"] = Month, ["amount"] = Amount,
    };

    /// <summary>Runs a row's checks; a refusal becomes the row's errors under the sheet's column names.</summary>
    private static async Task<T?> CheckRow<T>(int row, List<ImportError> errors, Func<Task<T>> check, IReadOnlyDictionary<string, string> columns) where T : class
    {
        try
        {
            return await check();
        }
        catch (ValidationException e)
        {
            errors.AddRange(e.Errors.SelectMany(x => x.Value.Select(m => new ImportError(row, columns.GetValueOrDefault(x.Key, x.Key), m))));
            return null;
        }
        catch (ConflictException e)
        {
            errors.Add(new ImportError(row, "", e.Message));
            return null;
        }
    }

    // --- leads ------------------------------------------------------------------------------------------------

    public byte[] LeadTemplate() => Viewing(() => Workbooks.Template("招商线索", [LeadName, Investor, InvestorUscc, InvestorPlace, Industry, Planned, Major, TaskForce, Leader, Opened, Source, Note],
    [
        (LeadName, "必填；同一辖区内不重名，已有同名线索则更新"), (Investor, "必填"), (InvestorUscc, "选填；填写则校验"), (Industry, "选填；GB/T 4754-2017"),
        (Planned, "万元"), (Major, "是 / 否：重大项目签约前须有经审定的一事一议政策包"), (Opened, "yyyy-MM-dd，空为今天"),
        (Source, "缺口分析 / 链主供应商名单 / 以商招商 / 产业链招商，可空"), (StageCol, "导出时给出，导入时不读：阶段只能在页面上逐步推进"),
    ]));

    public async Task<byte[]> ExportLeads(ReadLeads.Query q, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var leads = await ReadLeads.Filter(db.Set<Lead>().AsNoTracking(), q).OrderBy(l => l.OpenedOn).ThenBy(l => l.Name).ToListAsync(ct);
        var views = await ReadLeads.Views(db, leads, ct);
        return Workbooks.Rows("招商线索", views.Select(l => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [LeadName] = l.Name, [Investor] = l.InvestorName, [InvestorUscc] = l.InvestorUscc, [InvestorPlace] = l.InvestorLocation, [Industry] = l.IndustryLabel,
            [Planned] = l.PlannedInvestment / 10_000m, [Major] = l.Major ? "是" : "否", [TaskForce] = l.TaskForce, [Leader] = l.ResponsibleLeader,
            [Opened] = l.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [Source] = l.Source is { } s ? TargetLists.Name(s) : null, [Note] = l.Note,
            [StageCol] = LeadPipeline.Name(l.Stage), [DealCol] = l.Deal == DealStatus.None ? "" : LeadPipeline.DealName(l.Deal),
        }));
    }

    public async Task<ImportReport> ImportLeads(Guid jurisdictionId, Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var today = BusinessDate.Today(clock);
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == jurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        var sheet = SheetReader.Open(file, LeadRequired, LeadOptional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var stored = await db.Set<Lead>().Where(l => l.JurisdictionId == jurisdictionId).ToDictionaryAsync(l => l.Name, ct);
        var errors = new List<ImportError>();
        var rows = new List<SaveLead.LeadFields>();
        foreach (var (number, cells) in sheet.Rows)
        {
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            decimal planned = 0;
            if (Cell(Planned).Length > 0 && !decimal.TryParse(Cell(Planned), NumberStyles.Number, CultureInfo.InvariantCulture, out planned))
                errors.Add(new(number, Planned, $"“{Cell(Planned)}”不是数字 (not a number)"));
            DateOnly? opened = null;
            if (Cell(Opened).Length > 0)
            {
                if (DateOnly.TryParse(Cell(Opened), CultureInfo.InvariantCulture, out var d)) opened = d;
                else errors.Add(new(number, Opened, $"“{Cell(Opened)}”不是日期 (not a date)"));
            }
            TargetSource? source = null;
            if (Cell(Source).Length > 0)
            {
                if (Sources.TryGetValue(Cell(Source), out var s)) source = s;
                else errors.Add(new(number, Source, $"“{Cell(Source)}”应为 {string.Join("/", Sources.Keys)} (unknown source)"));
            }
            if (Cell(Major) is { Length: > 0 } m && m is not ("是" or "否")) errors.Add(new(number, Major, $"“{m}”应为 是/否 (yes or no)"));
            if (errors.Any(e => e.Row == number)) continue;
            var f = await CheckRow(number, errors, () => Task.FromResult(SaveLead.Normalise(new SaveLead.LeadFields(Cell(LeadName), Cell(Investor), planned * 10_000m,
                IndustryCode: Cell(Industry), Source: source, Major: Cell(Major) == "是")
            {
                InvestorUscc = Cell(InvestorUscc), InvestorLocation = Cell(InvestorPlace), TaskForce = Cell(TaskForce), ResponsibleLeader = Cell(Leader), Note = Cell(Note), OpenedOn = opened,
            }, today)), Columns);
            if (f is null) continue;
            if (rows.Any(r => r.Name == f.Name)) { errors.Add(new(number, LeadName, $"“{f.Name}”在文件中重复 (duplicate row)")); continue; }
            if (stored.TryGetValue(f.Name, out var existing) && existing.Stage is LeadStage.Landed or LeadStage.Dropped)
            { errors.Add(new(number, LeadName, $"线索“{f.Name}”已{LeadPipeline.Name(existing.Stage)}，不能再修改 (the lead is closed)")); continue; }
            rows.Add(f);
        }
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count + errors.Select(e => e.Row).Distinct().Count());
        int inserted = 0, updated = 0;
        foreach (var f in rows)
        {
            if (!stored.TryGetValue(f.Name, out var lead))
            {
                var day = f.OpenedOn ?? today;
                db.Add(lead = new Lead { JurisdictionId = jurisdictionId, OpenedOn = day, StageSince = day });
                inserted++;
            }
            else updated++;
            (lead.Name, lead.InvestorName, lead.InvestorUscc, lead.InvestorLocation, lead.IndustryCode, lead.PlannedInvestment) =
                (f.Name, f.InvestorName, f.InvestorUscc, f.InvestorLocation, f.IndustryCode, f.PlannedInvestment);
            (lead.Major, lead.TaskForce, lead.ResponsibleLeader, lead.Note, lead.Source) = (f.Major, f.TaskForce, f.ResponsibleLeader, f.Note, f.Source);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }

    // --- funds in place ---------------------------------------------------------------------------------------

    public byte[] FundsTemplate() => Viewing(() => Workbooks.Template("到位资金", [Project, Year, Month, Amount, Note],
    [
        (Project, "必填；本辖区已签约的项目"), (Year, "如 2025"), (Month, "1–12，不能是未来的月份"), (Amount, "当月到位资金，万元；已登记的月份以文件为准更新"),
    ]));

    public async Task<byte[]> ExportFunds(int? year, CancellationToken ct)
    {
        var rows = await new RecordFunds(dbs, user, clock).List(year, null, ct);
        return Workbooks.Rows("到位资金", rows.Select(f => (IDictionary<string, object?>)new Dictionary<string, object?>
            { [Project] = f.ProjectName, [Year] = f.Year, [Month] = f.Month, [Amount] = f.Amount / 10_000m, [Note] = f.Note }));
    }

    public async Task<ImportReport> ImportFunds(Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var today = BusinessDate.Today(clock);
        await using var db = dbs.Open();
        var sheet = SheetReader.Open(file, FundsRequired, FundsOptional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var projects = (await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct)).ToLookup(p => p.Name, p => p.Id);
        var errors = new List<ImportError>();
        var pending = new List<FundsInPlace>();
        int count = 0, inserted = 0, updated = 0;
        foreach (var (number, cells) in sheet.Rows)
        {
            count++;
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            var ids = projects[Cell(Project)].ToList();
            if (ids.Count != 1) errors.Add(new(number, Project, ids.Count == 0 ? $"“{Cell(Project)}”不在本辖区的项目库中 (unknown project)" : $"“{Cell(Project)}”重名，请用页面逐条登记 (ambiguous project)"));
            if (!int.TryParse(Cell(Year), out var year)) errors.Add(new(number, Year, $"“{Cell(Year)}”不是年份 (not a year)"));
            if (!int.TryParse(Cell(Month), out var month)) errors.Add(new(number, Month, $"“{Cell(Month)}”不是月份 (not a month)"));
            if (!decimal.TryParse(Cell(Amount), NumberStyles.Number, CultureInfo.InvariantCulture, out var wan)) errors.Add(new(number, Amount, $"“{Cell(Amount)}”不是数字 (not a number)"));
            if (errors.Any(e => e.Row == number)) continue;
            var tracked = pending.FirstOrDefault(p => p.ProjectId == ids[0] && p.Year == year && p.Month == month);
            if (tracked is not null) { errors.Add(new(number, Month, $"{year}年{month}月在文件中重复 (duplicate row)")); continue; }
            var row = await CheckRow(number, errors, async () =>
            {
                var existing = await db.Set<FundsInPlace>().AsNoTracking().Where(f => f.ProjectId == ids[0] && f.Year == year && f.Month == month).Select(f => (int?)f.Version).FirstOrDefaultAsync(ct);
                return await RecordFunds.Apply(db, new RecordFunds.Request(ids[0], year, month, wan * 10_000m, Cell(Note), existing), today, ct, pending);
            }, Columns);
            if (row is null) continue;
            if (db.Entry(row).State == EntityState.Added) inserted++; else updated++;
            pending.Add(row);
        }
        if (errors.Count > 0) return ImportReport.Refused(errors, count);
        await db.SaveChangesAsync(ct);
        return new ImportReport(count, inserted, updated, true, []);
    }
}
