using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// Element quotas (要素指标): a ledger per chain and year of the land, energy-use, pollutant-discharge and power quotas
/// pooled by the chain chief (攀枝花 二) and secured for projects (西区 五 要素保障) — grants, the office's transfers
/// between chains, projects' requests, the chief's allocations and the projects' use.
/// </summary>
public static class QuotasModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<GrantQuota>();
        services.AddScoped<TransferQuota>();
        services.AddScoped<RequestQuota>();
        services.AddScoped<AllocateQuota>();
        services.AddScoped<RecordQuotaUse>();
        services.AddScoped<ReadQuotas>();
        services.AddScoped<ExportQuotaLedger>();
        services.AddScoped<IMetricSource, QuotaMetrics>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var q = api.MapGroup("/quotas").WithTags("Quotas");
        q.MapGet("/chains/{id:guid}/ledger", (Guid id, int? year, ReadQuotas h, CancellationToken ct) => h.Ledger(id, year, ct))
            .Access<Chains.Chain>(Permission.ViewQuotas, ApiOperation.Get);
        q.MapGet("/chains/{id:guid}/ledger.xlsx", async (Guid id, int? year, ExportQuotaLedger h, CancellationToken ct) =>
            {
                var (content, name) = await h.Handle(id, year, ct);
                return TypedResults.File(content, Workbooks.ContentType, name);
            })
            .Access<Chains.Chain>(Permission.ViewQuotas, ApiOperation.Get);
        q.MapGet("/use", (int? year, Guid? jurisdictionId, ReadQuotas h, CancellationToken ct) => h.Use(year, jurisdictionId, ct))
            .Access<QuotaPool>(Permission.ViewQuotas, ApiOperation.List);
        q.MapPost("/grants", async (GrantQuota.Request r, GrantQuota h, CancellationToken ct) => Created(await h.Handle(r, ct)))
            .Access<Chains.Chain>(Permission.ManageQuotas, ApiOperation.Create);
        q.MapPost("/transfers", async (TransferQuota.Request r, TransferQuota h, CancellationToken ct) => Created(await h.Handle(r, ct)))
            .Access<Chains.Chain>(Permission.ManageQuotas, ApiOperation.Create);
        q.MapPost("/requests", async (RequestQuota.Request r, RequestQuota h, CancellationToken ct) => Created(await h.Handle(r, ct)))
            .Access<QuotaRequest>(Permission.RequestQuotas, ApiOperation.Create);
        q.MapPost("/requests/{id:guid}/allocate", async (Guid id, AllocateQuota.Request r, AllocateQuota h, CancellationToken ct) =>
            {
                await h.Handle(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<QuotaRequest>(Permission.AllocateQuotas, ApiOperation.Action);
        q.MapPost("/requests/{id:guid}/uses", async (Guid id, RecordQuotaUse.Request r, RecordQuotaUse h, CancellationToken ct) => Created(await h.Handle(id, r, ct)))
            .Access<QuotaRequest>(Permission.RecordQuotaUse, ApiOperation.Create);
    }

    private static IResult Created(Guid id) => TypedResults.Created((string?)null, new { id });
}
