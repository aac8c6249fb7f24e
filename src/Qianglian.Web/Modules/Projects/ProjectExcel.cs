using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// The library, monthly reports and approvals to and from .xlsx. Exports use the import's columns (plus read-only
/// ones the import ignores, such as the stage); imports check every row first (row, column, reason) and write
/// only a clean file, in one transaction. Projects are found by name within their jurisdiction's code. Stages are
/// never imported: they change through the lifecycle's transitions only.
/// </summary>
public sealed partial class ProjectExcel(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string Name = "项目名称", Place = "辖区代码", Uscc = "项目单位统一社会信用代码", Chain = "产业链", Node = "环节", PurposeCol = "定位",
        KindCol = "类别", Industry = "行业代码", Total = "总投资（万元）", Equipment = "设备投资（万元）", Output = "新增产值（万元）",
        PlannedStart = "计划开工", PlannedCompletion = "计划竣工", Listed = "入库日期", Labels = "标签", TaskForce = "工作专班", Leader = "包抓领导",
        SharesCol = "分投资分产值", PlanYear = "计划年度", PlanAmount = "年度计划投资（万元）", StageCol = "阶段", LightCol = "预警";

    private static readonly string[] LibraryRequired = [Name, Total];
    private static readonly string[] LibraryOptional = [Place, Uscc, Chain, Node, PurposeCol, KindCol, Industry, Equipment, Output, PlannedStart, PlannedCompletion,
        Listed, Labels, TaskForce, Leader, SharesCol, PlanYear, PlanAmount, StageCol, LightCol];

    internal static readonly Dictionary<string, ProjectPurpose> Purposes = new() { ["延链"] = ProjectPurpose.Extend, ["补链"] = ProjectPurpose.Fill, ["强链"] = ProjectPurpose.Strengthen, ["建新"] = ProjectPurpose.New };
    internal static readonly Dictionary<string, ProjectKind> Kinds = new() { ["新建"] = ProjectKind.New, ["扩建"] = ProjectKind.Expansion, ["技术改造"] = ProjectKind.TechRenovation, ["智改数转"] = ProjectKind.IntelligentDigital, ["其他"] = ProjectKind.Other };
    internal static readonly Dictionary<string, ProjectFlags> Flags = new()
    {
        ["省重点"] = ProjectFlags.ProvincialKey, ["市重点"] = ProjectFlags.CityKey, ["链主项目"] = ProjectFlags.ChainLeader,
        ["重大带动引领"] = ProjectFlags.MajorLeading, ["战略资源"] = ProjectFlags.StrategicResource, ["标准地"] = ProjectFlags.StandardLand,
        ["招商引进"] = ProjectFlags.Introduced,
    };

    public byte[] Template() => Workbooks.Template("重点项目库", [Name, Place, Uscc, Chain, Node, PurposeCol, KindCol, Industry, Total, Equipment, Output,
        PlannedStart, PlannedCompletion, Listed, Labels, TaskForce, Leader, SharesCol, PlanYear, PlanAmount],
    [
        (Name, "必填；同一辖区内不重名，已有同名项目则更新"), (Place, "行政区划代码，空则为导入时选择的辖区"), (Uscc, "项目单位须已在企业名录中"),
        (Chain, "产业链名称"), (Node, "该产业链的环节名称"), (PurposeCol, "延链/补链/强链/建新"), (KindCol, "新建/扩建/技术改造/智改数转/其他"),
        (Industry, "GB/T 4754-2017 行业代码，如 3130"), (Total, "必填，万元"), (Equipment, "万元，不超过总投资"), (Output, "达产后年新增产值，万元"),
        (PlannedStart, "如 2026-03-01"), (Listed, "空则为导入当天"), (Labels, "用“、”分隔：省重点、市重点、链主项目、重大带动引领、战略资源、标准地"),
        (SharesCol, "跨辖区项目：辖区代码:分投资%:分产值%，多个用“;”分隔，各自合计100%，如 510403:60:50;510411:40:50"),
        (PlanYear, "与“年度计划投资”同填"), (PlanAmount, "万元"), (StageCol, "导出时给出，导入时忽略（阶段只能通过阶段变更）"),
    ]);

    public async Task<byte[]> Export(ReadProjects.Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var projects = await ReadProjects.Filter(db.Set<Project>().AsNoTracking(), query).OrderBy(p => p.JurisdictionPath).ThenBy(p => p.Name).ToListAsync(ct);
        var views = await ReadProjects.Views(db, projects, await ProjectSignals.ForAsync(db, projects, BusinessDate.Today(clock), ct), ct);
        var ids = projects.Select(p => p.Id).ToList();
        var shares = (await db.Set<ProjectShare>().AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToListAsync(ct)).ToLookup(s => s.ProjectId);
        // A share may credit a neighbour the chain names: its code comes through the ReferenceNames door.
        var codes = await db.JurisdictionCodesAsync(projects.Select(p => p.JurisdictionId).Concat(shares.SelectMany(g => g.Select(s => s.LocalityId))), ct);
        // The project unit may be registered beside the caller's view (a city office placed the project): its public code
        // still goes in the file, so a re-import keeps it.
        var enterprises = await db.EnterpriseCodesAsync(projects.Select(p => p.EnterpriseId).OfType<Guid>(), ct);
        var year = BusinessDate.Today(clock).Year;
        var plans = await db.Set<ProjectAnnualPlan>().AsNoTracking().Where(p => ids.Contains(p.ProjectId) && p.Year == year).ToDictionaryAsync(p => p.ProjectId, ct);
        var rows = projects.Zip(views).Select(x =>
        {
            var (p, v) = x;
            var plan = plans.GetValueOrDefault(p.Id);
            return (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Name] = p.Name, [Place] = codes.GetValueOrDefault(p.JurisdictionId), [Uscc] = p.EnterpriseId is { } e ? enterprises.GetValueOrDefault(e) : null,
                [Chain] = v.ChainName, [Node] = v.NodeName, [PurposeCol] = p.Purpose is { } pu ? Purposes.First(k => k.Value == pu).Key : null,
                [KindCol] = Kinds.First(k => k.Value == p.Kind).Key, [Industry] = Core.Enterprises.IndustryCode.Label(p.IndustryCode), [Total] = p.TotalInvestment / 10_000m,
                [Equipment] = p.EquipmentInvestment / 10_000m, [Output] = p.NewOutputValue / 10_000m, [PlannedStart] = p.PlannedStart?.ToString("yyyy-MM-dd"),
                [PlannedCompletion] = p.PlannedCompletion?.ToString("yyyy-MM-dd"), [Listed] = p.ListedOn.ToString("yyyy-MM-dd"),
                [Labels] = string.Join("、", Flags.Where(f => p.Flags.HasFlag(f.Value)).Select(f => f.Key)), [TaskForce] = p.TaskForce, [Leader] = p.ResponsibleLeader,
                [SharesCol] = string.Join(";", shares[p.Id].Select(s => $"{codes.GetValueOrDefault(s.LocalityId)}:{s.InvestmentPercent:0.##}:{s.OutputPercent:0.##}")),
                [PlanYear] = plan is null ? null : year, [PlanAmount] = plan?.PlannedInvestment / 10_000m,
                [StageCol] = Lifecycle.Name(p.Stage), [LightCol] = v.Light switch { Light.Red => "红", Light.Yellow => "黄", _ => "绿" },
            };
        });
        return Workbooks.Rows("重点项目库", rows);
    }

    public async Task<ImportReport> Import(Guid jurisdictionId, Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var sheet = SheetReader.Open(file, LibraryRequired, LibraryOptional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == jurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        // Codes name only what the caller may write: the jurisdictions it sees; a share's locality may also be one the
        // row's chain names as host or collaborating place, or one the project's stored shares already credit (see
        // SaveProject.CheckReferences and Core's CreditableLocalities).
        var places = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Code, ct);
        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new { e.Uscc, e.Id }).ToDictionaryAsync(e => e.Uscc, e => e.Id, ct);
        var chainRows = await db.Chains.AsNoTracking().ToListAsync(ct);
        var chains = chainRows.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var namedCodes = await db.JurisdictionCodesAsync(chainRows.SelectMany(c => c.HostJurisdictionIds.Concat(c.CollaboratingJurisdictionIds)), ct);
        var chainLocalities = chainRows.ToDictionary(c => c.Id, c => new ChainLocalities(c.HostJurisdictionIds, c.CollaboratingJurisdictionIds));
        var storedCodes = new Dictionary<(Guid, string), Dictionary<string, Guid>>();
        async Task<Guid?> CreditableAsync(string code, Guid place, string name, Guid? chain)
        {
            var visible = places.GetValueOrDefault(code);
            var candidate = visible?.Id ?? namedCodes.Where(n => n.Value == code).Select(n => (Guid?)n.Key).FirstOrDefault();
            var named = chain is { } ch ? chainLocalities[ch] : ChainLocalities.None;
            if (candidate is { } id && CreditableLocalities.MayCredit(id, visible?.JurisdictionPath, db.Scope.Path, named)) return id;
            if (!storedCodes.TryGetValue((place, name), out var stored))
            {
                var localities = await (from sh in db.Set<ProjectShare>().AsNoTracking()
                                        join p in db.Set<Project>() on sh.ProjectId equals p.Id
                                        where p.JurisdictionId == place && p.Name == name
                                        select sh.LocalityId).ToListAsync(ct);
                storedCodes[(place, name)] = stored = (await db.JurisdictionCodesAsync(localities, ct)).ToDictionary(x => x.Value, x => x.Key);
            }
            return stored.TryGetValue(code, out var kept) ? kept : null;
        }
        // A row may name the project unit the stored project already has, even where the caller does not see it.
        async Task<Guid?> StoredEnterpriseAsync(Guid place, string name, string code)
        {
            var stored = await db.Set<Project>().Where(p => p.JurisdictionId == place && p.Name == name).Select(p => p.EnterpriseId).FirstOrDefaultAsync(ct);
            return stored is { } id && (await db.EnterpriseCodesAsync([id], ct)).GetValueOrDefault(id) == code ? id : null;
        }
        var nodes = (await db.ChainNodes.AsNoTracking().Select(n => new { n.ChainId, n.Name, n.Id }).ToListAsync(ct)).GroupBy(n => (n.ChainId, n.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var errors = new List<ImportError>();
        var rows = new List<(int Row, Guid Place, SaveProject.ProjectFields Fields)>();
        foreach (var (number, cells) in sheet.Rows)
        {
            var c = new Cells(cells, number, errors);
            var place = jurisdictionId;
            if (c[Place] is { Length: > 0 } code)
            {
                if (!places.TryGetValue(code, out var found)) { c.Error(Place, $"辖区代码“{code}”不存在或不在本辖区内 (unknown jurisdiction)"); continue; }
                place = found.Id;
            }
            Guid? enterprise = null;
            if (c[Uscc] is { Length: > 0 } uscc)
            {
                if (enterprises.TryGetValue(uscc.ToUpperInvariant(), out var e)) enterprise = e;
                else if (await StoredEnterpriseAsync(place, c[Name], uscc.ToUpperInvariant()) is { } kept) enterprise = kept;
                else c.Error(Uscc, $"统一社会信用代码“{uscc}”不在企业名录中 (enterprise not registered)");
            }
            Guid? chain = null, node = null;
            if (c[Chain] is { Length: > 0 } chainName)
            {
                if (chains.TryGetValue(chainName, out var ch)) chain = ch;
                else c.Error(Chain, $"产业链“{chainName}”不存在 (unknown chain)");
            }
            if (c[Node] is { Length: > 0 } nodeName)
            {
                if (chain is { } ch2 && nodes.TryGetValue((ch2, nodeName), out var n)) node = n;
                else c.Error(Node, $"环节“{nodeName}”不是所填产业链的环节 (unknown node of the chain)");
            }
            var flags = ProjectFlags.None;
            foreach (var label in c[Labels].Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (Flags.TryGetValue(label, out var f)) flags |= f; else c.Error(Labels, $"未知标签“{label}” (unknown label)");
            var shares = new List<SaveProject.ShareInput>();
            foreach (var part in c[SharesCol].Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bits = part.Split([':', '：']);
                if (bits.Length != 3 || !decimal.TryParse(bits[1], CultureInfo.InvariantCulture, out var inv) || !decimal.TryParse(bits[2], CultureInfo.InvariantCulture, out var outp))
                    c.Error(SharesCol, $"“{part}”应为 辖区代码:分投资%:分产值% (bad share)");
                else if (await CreditableAsync(bits[0].Trim(), place, c[Name], chain) is { } loc) shares.Add(new(loc, inv, outp));
                else c.Error(SharesCol, $"分成辖区“{bits[0].Trim()}”不存在，或既不在本辖区内、也不是该产业链的主要承载地或协同发展地 (a locality you may not credit)");
            }
            List<SaveProject.PlanInput>? plans = null;
            if (c.Int(PlanYear) is { } planYear) plans = [new(planYear, c.Wan(PlanAmount) ?? 0)];
            var fields = new SaveProject.ProjectFields(c[Name], enterprise, chain, node, c.Pick(PurposeCol, Purposes), c.Pick(KindCol, Kinds) ?? ProjectKind.New, flags,
                c.Wan(Total) ?? 0, c.Wan(Equipment) ?? 0, c.Wan(Output) ?? 0, c.Date(PlannedStart), c.Date(PlannedCompletion))
            {
                IndustryCode = c[Industry], ListedOn = c.Date(Listed), TaskForce = c[TaskForce], ResponsibleLeader = c[Leader],
                Shares = c[SharesCol].Length > 0 ? shares : null, Plans = plans,
            };
            try { fields = SaveProject.Normalise(fields); }
            catch (ValidationException v) { foreach (var (field, messages) in v.Errors) c.Error(field, string.Join("；", messages)); }
            if (rows.Any(r => r.Place == place && r.Fields.Name == fields.Name)) c.Error(Name, $"“{fields.Name}”在文件中重复 (duplicate row)");
            rows.Add((number, place, fields));
        }
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count);

        var names = rows.Select(r => r.Fields.Name).Distinct().ToList();
        var existing = await db.Set<Project>().Where(p => names.Contains(p.Name)).ToListAsync(ct);
        var existingIds = existing.Select(p => p.Id).ToList();
        var storedShares = await db.Set<ProjectShare>().Where(s => existingIds.Contains(s.ProjectId)).ToListAsync(ct);
        var storedPlans = await db.Set<ProjectAnnualPlan>().Where(s => existingIds.Contains(s.ProjectId)).ToListAsync(ct);
        int inserted = 0, updated = 0;
        var today = BusinessDate.Today(clock);
        foreach (var (_, place, f) in rows)
        {
            var project = existing.FirstOrDefault(p => p.JurisdictionId == place && p.Name == f.Name);
            if (project is null)
            {
                if (await db.IsTakenAsync<Project>(p => p.JurisdictionId == place && p.Name == f.Name, ct))
                    return ImportReport.Refused([new ImportError(rows.First(r => r.Fields.Name == f.Name).Row, Name, $"本辖区已有项目“{f.Name}” (a project of this name exists)")], rows.Count);
                project = new Project { JurisdictionId = place, ListedOn = f.ListedOn ?? today };
                db.Add(project);
                inserted++;
            }
            else
            {
                updated++;
                if (f.ListedOn is { } listed) project.ListedOn = listed;
            }
            var enterpriseChanged = project.EnterpriseId != f.EnterpriseId && project.Version > 0;
            SaveProject.Apply(project, f);
            if (f.Shares is { } s)
            {
                db.RemoveRange(storedShares.Where(x => x.ProjectId == project.Id));
                foreach (var share in s) db.Add(new ProjectShare { LocalityId = share.LocalityId, InvestmentPercent = share.InvestmentPercent, OutputPercent = share.OutputPercent }.For<ProjectShare>(project));
            }
            foreach (var plan in f.Plans ?? [])
            {
                var row = storedPlans.FirstOrDefault(x => x.ProjectId == project.Id && x.Year == plan.Year)
                          ?? (ProjectAnnualPlan)db.Add(new ProjectAnnualPlan { Year = plan.Year }.For<ProjectAnnualPlan>(project)).Entity;
                row.PlannedInvestment = plan.PlannedInvestment;
            }
            if (enterpriseChanged) await SaveProject.FollowEnterprise(db, project, ct);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }

    /// <summary>One row's cells, read by header, with typed readers that record what is wrong.</summary>
    private sealed class Cells(IReadOnlyDictionary<string, string> cells, int row, List<ImportError> errors)
    {
        public string this[string column] => cells.TryGetValue(column, out var v) ? v.Trim() : "";

        public void Error(string column, string message) => errors.Add(new ImportError(row, column, message));

        public decimal? Wan(string column)
        {
            if (this[column] is not { Length: > 0 } text) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return Math.Round(value * 10_000m, 2);
            Error(column, $"“{text}”不是数字（万元） (not a number)");
            return null;
        }

        public int? Int(string column)
        {
            if (this[column] is not { Length: > 0 } text) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d)) return (int)d;
            Error(column, $"“{text}”不是整数 (not a whole number)");
            return null;
        }

        public DateOnly? Date(string column)
        {
            if (this[column] is not { Length: > 0 } text) return null;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Error(column, $"“{text}”不是日期，应为 2026-03-01 的格式 (not a date)");
            return null;
        }

        public T? Pick<T>(string column, Dictionary<string, T> choices) where T : struct
        {
            if (this[column] is not { Length: > 0 } text) return null;
            if (choices.TryGetValue(text, out var value)) return value;
            Error(column, $"“{text}”应为 {string.Join("/", choices.Keys)} (unknown value)");
            return null;
        }
    }
}
