using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// 兑付台账 from .xlsx: the finance bureau records a batch of payments (one a row) as it would one by one — the same
/// stage, actor and amount rules as <see cref="RecordPayment"/>, rows of one application counted in order, so a row
/// that pays more than approved is refused naming its row. All or nothing by default, in one transaction.
/// </summary>
public sealed class ImportPayments(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string Number = "申报编号", Place = "辖区代码", EnterpriseName = "企业名称", Amount = "支付金额（万元）", PaidOn = "支付日期", Voucher = "凭证号";

    private static readonly string[] Required = [Number, Amount, PaidOn, Voucher];
    private static readonly string[] Optional = [Place, EnterpriseName];

    public byte[] Template()
    {
        user.Require(Permission.ViewIncentives);
        return Workbooks.Template("兑付台账", [Number, Place, EnterpriseName, Amount, PaidOn, Voucher],
        [
            (Number, "必填；申报与审批列表中的编号，如 2026-0007；申报须处于兑付环节"),
            (Place, "行政区划代码；只在管辖多个区县、编号重复时需要，如 510403"),
            (EnterpriseName, "可不填；填写时须与申报的企业名称一致，用于核对"),
            (Amount, "必填，万元，最多到分（如 120.5）；同一申报多行按顺序累计，累计不得超过审定额度；一次性支付须一次付清，最后一期须付清余额"),
            (PaidOn, "必填，如 2026-06-30；不得晚于今天、不得早于审定日期"),
            (Voucher, "必填，财政支付凭证号；同一资金同一年度不得重复（含已登记的兑付）"),
        ]);
    }

    /// <summary>One application as the file has paid it so far.</summary>
    private sealed class Running(LoadedApplication loaded, StageDefinition stage, Acting.Me me, PaymentPosition position, HashSet<string> vouchers)
    {
        public LoadedApplication Loaded { get; } = loaded;
        public StageDefinition Stage { get; } = stage;
        public Acting.Me Me { get; } = me;
        public PaymentPosition Position { get; set; } = position;
        public HashSet<string> Vouchers { get; } = vouchers;
    }

    public async Task<ImportReport> Handle(Stream file, ImportMode mode, CancellationToken ct)
    {
        user.Require(Permission.ReviewIncentives);
        var sheet = SheetReader.Open(file, Required, Optional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        await using var db = dbs.Open();
        var errors = new List<ImportError>();
        var applications = new Dictionary<Guid, Running?>();
        var accepted = new List<(Running App, PaymentEntry Payment, int Instalment)>();
        // Vouchers this file uses, per fund and year: one voucher pays once (PaymentVouchers).
        var used = new HashSet<(Guid, string, int, string)>();
        var total = 0;
        foreach (var (number, cells) in sheet.Rows)
        {
            total++;
            var row = new SheetRow(cells, number, errors);
            var (applicationNumber, voucher) = (row.Required(Number), row.Required(Voucher));
            var amount = row.Wan(Amount);
            var paidOn = row.Date(PaidOn);
            if (amount is null && row[Amount].Length == 0) row.Error(Amount, $"“{Amount}”不能为空 (required)");
            if (paidOn is null && row[PaidOn].Length == 0) row.Error(PaidOn, $"“{PaidOn}”不能为空 (required)");
            if (applicationNumber is null || voucher is null || amount is null || paidOn is null) continue;

            var id = await Find(db, row, applicationNumber, ct);
            if (id is null) continue;
            if (!applications.TryGetValue(id.Value, out var app)) applications[id.Value] = app = await Open(db, row, id.Value, ct);
            if (app is null) { row.Error(Number, $"申报 {applicationNumber}：见该申报第一次出现的行 (see the first row of this application)"); continue; }
            var a = app.Loaded.Application;
            if (row[EnterpriseName] is { Length: > 0 } name && await EnterpriseOf(db, a, ct) is { } actual && actual != name)
            {
                row.Error(EnterpriseName, $"申报 {applicationNumber} 的企业是“{actual}”，不是“{name}” (the application is of another enterprise)");
                continue;
            }
            if (!app.Vouchers.Add(voucher))
            {
                row.Error(Voucher, $"申报 {applicationNumber} 已登记凭证号 {voucher} 的兑付 (voucher already recorded)");
                continue;
            }
            var measure = app.Loaded.Measure;
            var (keeper, fund) = PaymentVouchers.FundOf(measure);
            var key = (keeper, fund, paidOn.Value.Year, voucher);
            if (used.Contains(key) || await PaymentVouchers.TakenAsync(db, measure, paidOn.Value.Year, voucher, ct))
            {
                row.Error(Voucher, $"申报 {applicationNumber}：{PaymentVouchers.TakenMessage(measure, paidOn.Value.Year, voucher)}");
                app.Vouchers.Remove(voucher);
                continue;
            }
            var payment = new PaymentEntry(amount.Value, paidOn.Value, voucher);
            var problems = PaymentCheck.Check(app.Position, payment, today);
            foreach (var (field, message) in problems)
                row.Error(field switch { "voucher" => Voucher, "paidOn" => PaidOn, _ => Amount }, $"申报 {applicationNumber}：{message}");
            if (problems.Count > 0) { app.Vouchers.Remove(voucher); continue; }
            used.Add(key);
            accepted.Add((app, payment, app.Position.PaymentsSoFar + 1));
            app.Position = PaymentCheck.After(app.Position, payment);
        }
        if (total == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        if (errors.Count > 0 && mode == ImportMode.AllOrNothing) return ImportReport.Refused(errors, total);
        if (accepted.Count == 0) return ImportReport.Refused(errors, total);
        foreach (var (app, payment, instalment) in accepted)
            RecordPayment.Apply(db, app.Loaded, app.Stage, app.Me, user, payment, instalment, now);
        await PaymentVouchers.SaveAsync(db, ct);
        return new ImportReport(total, accepted.Count, 0, true, errors);
    }

    /// <summary>The application of the row's number in the caller's scope (narrowed by the place code when given).</summary>
    private static async Task<Guid?> Find(AppDbContext db, SheetRow row, string number, CancellationToken ct)
    {
        var query = db.Set<IncentiveApplication>().AsNoTracking().Where(a => a.Number == number);
        if (row[Place] is { Length: > 0 } code)
        {
            var place = await db.Jurisdictions.AsNoTracking().Where(j => j.Code == code).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (place is null) { row.Error(Place, $"辖区代码“{code}”不存在或不在本辖区内 (unknown jurisdiction)"); return null; }
            query = query.Where(a => a.JurisdictionId == place);
        }
        var ids = await query.Select(a => a.Id).Take(2).ToListAsync(ct);
        if (ids.Count == 1) return ids[0];
        row.Error(ids.Count == 0 ? Number : Place, ids.Count == 0
            ? $"申报编号“{number}”不存在或不在本辖区内 (application not found)"
            : $"申报编号“{number}”在多个区县都有，请填写辖区代码 (the number is used in several jurisdictions: give the place code)");
        return null;
    }

    /// <summary>Loads an application for payment; null (and the reason on the row) when it cannot be paid by the caller now.</summary>
    private async Task<Running?> Open(AppDbContext db, SheetRow row, Guid id, CancellationToken ct)
    {
        var loaded = await Applications.Load(db, id, ct);
        var a = loaded.Application;
        var stage = loaded.Stage;
        if (stage?.Kind != StageKind.Payment)
        {
            row.Error(Number, $"申报 {a.Number} 当前为“{ApplicationMachine.StateName(loaded.Workflow, a.State)}”，不在兑付环节 (not at the payment stage)");
            return null;
        }
        var me = await Acting.Of(db, user, a, ct);
        if (!stage.Actor.Allows(me.User))
        {
            row.Error(Number, $"申报 {a.Number} 的“{stage.Name}”环节须由{await Acting.Describe(db, stage.Actor, ct)}办理 (only the stage's unit may pay)");
            return null;
        }
        if (loaded.Measure.Rule.AmountToBeSet || a.ApprovedAmount is null)
        {
            row.Error(Amount, $"申报 {a.Number} 的奖励金额待本级设定或尚未审定，不能兑付 (nothing approved to pay)");
            return null;
        }
        var payments = await db.Set<IncentivePayment>().AsNoTracking().Where(p => p.ApplicationId == id).Select(p => p.Voucher).ToListAsync(ct);
        return new Running(loaded, stage, me, RecordPayment.Position(a, payments.Count), [.. payments]);
    }

    /// <summary>The name of the application's enterprise, as the application refers to it.</summary>
    private static async Task<string?> EnterpriseOf(AppDbContext db, IncentiveApplication a, CancellationToken ct) =>
        (await db.EnterpriseNamesAsync([a.EnterpriseId], ct)).GetValueOrDefault(a.EnterpriseId);
}
