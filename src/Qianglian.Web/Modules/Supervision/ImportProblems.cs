using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// 问题台账 from .xlsx: officials file the problems gathered on a visit or at a meeting in one go. Each row is filed
/// exactly as the form files one (<see cref="FileProblem.Add"/>: routing to the first unit, deadline, history, and an
/// enterprise user only for itself), its enterprise and chain found by name in the caller's scope. All or nothing by
/// default, in one transaction.
/// </summary>
public sealed class ImportProblems(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string Uscc = "统一社会信用代码", EnterpriseName = "企业名称", Chain = "产业链", Category = "问题类别", Title = "问题标题",
        Description = "问题描述", Source = "问题来源", SourceReference = "来源说明";

    private static readonly string[] Required = [Category, Title, Description];
    private static readonly string[] Optional = [Uscc, EnterpriseName, Chain, Source, SourceReference];

    private static readonly IReadOnlyDictionary<string, ProblemCategory> Categories =
        Enum.GetValues<ProblemCategory>().ToDictionary(SupervisionLabels.Of);

    private static readonly IReadOnlyDictionary<string, ProblemSource> Sources =
        Enum.GetValues<ProblemSource>().ToDictionary(SupervisionLabels.Of);

    /// <summary>The API's field names as the sheet's columns, so a refusal of the shared rules lands in its column.</summary>
    private static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>
    {
        ["enterpriseId"] = EnterpriseName, ["chainId"] = Chain, ["category"] = Category, ["title"] = Title,
        ["description"] = Description, ["source"] = Source, ["sourceReference"] = SourceReference,
    };

    public byte[] Template()
    {
        user.Require(Permission.ViewSupervision);
        return Workbooks.Template("问题台账", [Uscc, EnterpriseName, Chain, Category, Title, Description, Source, SourceReference],
        [
            (Uscc, "统一社会信用代码与企业名称至少填一项；都填时须是同一家企业"),
            (EnterpriseName, "企业名录中的全称，须在本辖区内"),
            (Chain, "可不填；填写时为产业链名称，如“钒钛产业链”"),
            (Category, $"必填：{string.Join("/", Categories.Keys)}"),
            (Title, "必填，不超过200字"),
            (Description, "必填，不超过4000字"),
            (Source, $"可不填（官员填报默认“其他”，企业填报为“企业自主填报”）：{string.Join("/", Sources.Keys)}"),
            (SourceReference, "可不填：哪次走访、会议或哪个项目的月报，不超过200字"),
        ]);
    }

    public async Task<ImportReport> Handle(Stream file, ImportMode mode, CancellationToken ct)
    {
        user.Require(Permission.FileProblems);
        var sheet = SheetReader.Open(file, Required, Optional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        await using var db = dbs.Open();
        var caller = await Caller.OfAsync(user, db, ct);
        var now = clock.GetUtcNow();
        var errors = new List<ImportError>();
        var (total, filed) = (0, 0);
        foreach (var (number, cells) in sheet.Rows)
        {
            total++;
            var row = new SheetRow(cells, number, errors);
            var category = row.Pick(Category, Categories);
            var source = row.Pick(Source, Sources);
            var enterpriseId = await EnterpriseOf(db, row, ct);
            var chainId = await ChainOf(db, row, enterpriseId, ct);
            if (row.HasErrors) continue;
            try
            {
                await FileProblem.Add(db, caller, new FileProblem.Request(enterpriseId, chainId, category, row[Title], row[Description],
                    source, row[SourceReference]), now, ct);
                filed++;
            }
            catch (ValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var message in messages) row.Error(Columns.GetValueOrDefault(field, field), message);
            }
            catch (NotFoundException e)
            {
                row.Error(Columns.GetValueOrDefault(e.What, e.What), e.Message);
            }
        }
        if (total == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        if ((errors.Count > 0 && mode == ImportMode.AllOrNothing) || filed == 0) return ImportReport.Refused(errors, total);
        await db.SaveChangesAsync(ct);
        return new ImportReport(total, filed, 0, true, errors);
    }

    /// <summary>The row's enterprise in the caller's scope, by credit code or by full name.</summary>
    private static async Task<Guid?> EnterpriseOf(AppDbContext db, SheetRow row, CancellationToken ct)
    {
        var (code, name) = (row[Uscc].ToUpperInvariant(), row[EnterpriseName]);
        if (code.Length == 0 && name.Length == 0)
        {
            row.Error(EnterpriseName, $"“{Uscc}”和“{EnterpriseName}”至少填一项 (the enterprise is required)");
            return null;
        }
        var found = await db.Enterprises.AsNoTracking().Where(e => code.Length > 0 ? e.Uscc == code : e.Name == name)
            .Select(e => new { e.Id, e.Name }).Take(2).ToListAsync(ct);
        if (found.Count == 0)
        {
            row.Error(code.Length > 0 ? Uscc : EnterpriseName, $"企业“{(code.Length > 0 ? code : name)}”不在企业名录或不在本辖区内 (enterprise not found)");
            return null;
        }
        if (found.Count > 1)
        {
            row.Error(EnterpriseName, $"企业名称“{name}”有重名，请填写统一社会信用代码 (several enterprises have this name)");
            return null;
        }
        if (code.Length > 0 && name.Length > 0 && found[0].Name != name)
        {
            row.Error(EnterpriseName, $"信用代码 {code} 的企业是“{found[0].Name}”，不是“{name}” (code and name disagree)");
            return null;
        }
        return found[0].Id;
    }

    /// <summary>The chain by name: one the caller sees, or one the enterprise is on (a city chain seen from a district).</summary>
    private static async Task<Guid?> ChainOf(AppDbContext db, SheetRow row, Guid? enterpriseId, CancellationToken ct)
    {
        if (row[Chain] is not { Length: > 0 } name) return null;
        var id = await db.Chains.AsNoTracking().Where(c => c.Name == name).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (id is null && enterpriseId is { } e)
        {
            // A chain kept above the caller is named by the enterprise's own links to it, and its name read through the door.
            var linked = await db.EnterpriseNodeLinks.Where(l => l.EnterpriseId == e).Select(l => l.ChainId).Distinct().ToListAsync(ct);
            id = (await db.ChainNamesAsync(linked, ct)).Where(c => c.Value == name).Select(c => (Guid?)c.Key).FirstOrDefault();
        }
        if (id is null) row.Error(Chain, $"产业链“{name}”不存在或不在本辖区内 (chain not found)");
        return id;
    }
}
