using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// A finance bureau's 凭证号 pays once: it is unique per fund and year (issue 15 item 12 — the same voucher was accepted
/// twice on one application and listed twice in the ledger). The fund is the measure's (the jurisdiction keeping it and
/// its name; a measure naming no fund pays from its jurisdiction's unnamed one), the year the payment's. The check reads
/// every payment of the fund, whoever may see them (<see cref="NaturalKeys"/>: yes or no only); the unique index on
/// IncentivePayments catches the race two simultaneous requests would win past it.
/// </summary>
internal static class PaymentVouchers
{
    public const string Field = "voucher";

    public static (Guid FundJurisdictionId, string Fund) FundOf(IncentiveMeasure measure) => (measure.JurisdictionId, measure.Fund ?? "");

    public static Task<bool> TakenAsync(AppDbContext db, IncentiveMeasure measure, int year, string voucher, CancellationToken ct)
    {
        var (keeper, fund) = FundOf(measure);
        voucher = voucher.Trim();
        return db.IsTakenAsync<IncentivePayment>(p => p.FundJurisdictionId == keeper && p.Fund == fund && p.Year == year && p.Voucher == voucher, ct);
    }

    public static string TakenMessage(IncentiveMeasure measure, int year, string voucher) =>
        $"凭证号 {voucher.Trim()} 已在{(string.IsNullOrEmpty(measure.Fund) ? "本级" : $"“{measure.Fund}”")}{year}年的兑付中登记过，同一资金同一年度凭证号不得重复 (voucher already recorded for this fund and year)";

    /// <summary>Saves; a payment whose voucher the index finds taken (a simultaneous request won) is a 400 naming the voucher.</summary>
    public static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException d && IsVoucherClash(d) || e is ConflictException { Field: "voucher" })
        {
            throw new ValidationException(Field, "凭证号已在同一资金同一年度的兑付中登记过 (voucher already recorded for this fund and year)");
        }
    }

    private static bool IsVoucherClash(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException p => p.SqlState == "23505" && p.ConstraintName?.Contains("Voucher", StringComparison.Ordinal) == true,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode == 2067 && s.Message.Contains("IncentivePayments.Voucher", StringComparison.Ordinal),
        _ => false,
    };
}
