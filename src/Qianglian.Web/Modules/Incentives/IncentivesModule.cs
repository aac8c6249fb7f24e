using Microsoft.AspNetCore.Mvc;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>政策兑现 (incentive fulfilment): services and /api/v1/incentives endpoints.</summary>
public static class IncentivesModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<UploadStore>();
        services.AddScoped<IncentivePackLoader>();
        services.AddScoped<Projects.ICalendarDependent, StageDeadlines>();
        services.AddScoped<ReadMeasures>();
        services.AddScoped<ConfigureMeasure>();
        services.AddScoped<ConfigureWorkflow>();
        services.AddScoped<ReadApplications>();
        services.AddScoped<SaveApplication>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<ApplicationDocuments>();
        services.AddScoped<ReviewApplication>();
        services.AddScoped<ApproveApplication>();
        services.AddScoped<RecordPayment>();
        services.AddScoped<ManageBudgets>();
        services.AddScoped<Eligibility>();
        services.AddScoped<ApprovalForm>();
        services.AddScoped<IncentiveLedgers>();
        services.AddScoped<ImportPayments>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incentives").WithTags("Incentives");

        g.MapGet("/measures", ([FromQuery] bool? includeInactive, ReadMeasures h, CancellationToken ct) => h.List(includeInactive ?? false, ct))
            .Access<IncentiveMeasure>(Permission.ViewIncentives, ApiOperation.List);
        g.MapGet("/measures/{id:guid}", (Guid id, ReadMeasures h, CancellationToken ct) => h.Get(id, ct))
            .Access<IncentiveMeasure>(Permission.ViewIncentives, ApiOperation.Get);
        g.MapPost("/measures", async (ConfigureMeasure.CreateRequest r, ConfigureMeasure h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/incentives/measures/{created.Id}", created);
            })
            .Access<IncentiveMeasure>(Permission.ManageIncentives, ApiOperation.Create);
        g.MapPut("/measures/{id:guid}", (Guid id, ConfigureMeasure.UpdateRequest r, ConfigureMeasure h, CancellationToken ct) => h.Update(id, r, ct))
            .Access<IncentiveMeasure>(Permission.ManageIncentives, ApiOperation.Update);
        g.MapPost("/measures/{id:guid}/evaluate", (Guid id, Eligibility.EvaluateRequest r, Eligibility h, CancellationToken ct) => h.Evaluate(id, r, ct))
            .Access<IncentiveMeasure>(Permission.ViewIncentives, ApiOperation.Action);
        g.MapGet("/measures/{id:guid}/candidates", (Guid id, Eligibility h, CancellationToken ct) => h.Candidates(id, ct))
            .Access<IncentiveMeasure>(Permission.ViewIncentives, ApiOperation.Get);
        g.MapPost("/measures/{id:guid}/offers", async (Guid id, Eligibility.OfferRequest r, Eligibility h, CancellationToken ct) =>
            {
                var created = await h.Offer(id, r, ct);
                return TypedResults.Created($"/api/v1/incentives/applications/{created.Id}", created);
            })
            .Access<IncentiveMeasure>(Permission.ManageIncentives, ApiOperation.Action);
        g.MapPost("/measures/{id:guid}/what-if", (Guid id, RuleChange r, Eligibility h, CancellationToken ct) => h.WhatIf(id, r, ct))
            .Access<IncentiveMeasure>(Permission.ViewIncentives, ApiOperation.Action);
        g.MapGet("/projects/{id:guid}/eligibility", (Guid id, Eligibility h, CancellationToken ct) => h.ForProject(id, ct))
            .Access<Projects.Project>(Permission.ViewIncentives, ApiOperation.Get);

        g.MapGet("/workflows", (ReadMeasures h, CancellationToken ct) => h.Workflows(ct))
            .Access<IncentiveWorkflow>(Permission.ViewIncentives, ApiOperation.List);
        g.MapPost("/workflows", async (ConfigureWorkflow.CreateRequest r, ConfigureWorkflow h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/incentives/workflows/{created.Id}", created);
            })
            .Access<IncentiveWorkflow>(Permission.ManageIncentives, ApiOperation.Create);
        g.MapPut("/workflows/{id:guid}", (Guid id, ConfigureWorkflow.UpdateRequest r, ConfigureWorkflow h, CancellationToken ct) => h.Update(id, r, ct))
            .Access<IncentiveWorkflow>(Permission.ManageIncentives, ApiOperation.Update);

        g.MapGet("/applications", ([AsParameters] ReadApplications.Query q, ReadApplications h, CancellationToken ct) => h.List(q, ct))
            .Access<IncentiveApplication>(Permission.ViewIncentives, ApiOperation.List);
        g.MapGet("/applications/{id:guid}", (Guid id, ReadApplications h, CancellationToken ct) => h.Get(id, ct))
            .Access<IncentiveApplication>(Permission.ViewIncentives, ApiOperation.Get);
        g.MapPost("/applications", async (SaveApplication.CreateRequest r, SaveApplication h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/incentives/applications/{created.Id}", created);
            })
            .Access<IncentiveApplication>(Permission.ApplyIncentives, ApiOperation.Create);
        g.MapPut("/applications/{id:guid}", (Guid id, SaveApplication.UpdateRequest r, SaveApplication h, CancellationToken ct) => h.Update(id, r, ct))
            .Access<IncentiveApplication>(Permission.ApplyIncentives, ApiOperation.Update);
        // Bearer-token clients post files without an antiforgery token; the sign-in cookie is SameSite.
        g.MapPost("/applications/{id:guid}/files", async (Guid id, IFormFile file, [FromForm] int checklistNumber, [FromForm] string? alternative,
                ApplicationDocuments h, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await h.Upload(id, checklistNumber, alternative, file.FileName, content, ct));
            })
            .DisableAntiforgery()
            .Access<IncentiveApplication>(Permission.ApplyIncentives, ApiOperation.Action);
        g.MapPost("/applications/{id:guid}/submit", (Guid id, SubmitApplication h, CancellationToken ct) => h.Handle(id, ct))
            .Access<IncentiveApplication>(Permission.ApplyIncentives, ApiOperation.Action);
        g.MapPost("/applications/{id:guid}/transitions", (Guid id, ReviewApplication.TransitionRequest r, ReviewApplication h, CancellationToken ct) => h.Transition(id, r, ct))
            .Access<IncentiveApplication>(Permission.ReviewIncentives, ApiOperation.Action);
        g.MapPost("/applications/{id:guid}/opinions", async (Guid id, ReviewApplication.OpinionRequest r, ReviewApplication h, CancellationToken ct) =>
            {
                await h.Opinion(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<IncentiveApplication>(Permission.ReviewIncentives, ApiOperation.Action);
        g.MapPost("/applications/{id:guid}/approval", (Guid id, ApproveApplication.Request r, ApproveApplication h, CancellationToken ct) => h.Handle(id, r, ct))
            .Access<IncentiveApplication>(Permission.ReviewIncentives, ApiOperation.Action);
        g.MapPost("/applications/{id:guid}/payments", (Guid id, RecordPayment.Request r, RecordPayment h, CancellationToken ct) => h.Handle(id, r, ct))
            .Access<IncentiveApplication>(Permission.ReviewIncentives, ApiOperation.Action);
        g.MapGet("/applications/{id:guid}/form.docx", async (Guid id, ApprovalForm h, CancellationToken ct) =>
            {
                var (content, name) = await h.Handle(id, ct);
                return TypedResults.File(content, ApprovalForm.ContentType, name);
            })
            .Access<IncentiveApplication>(Permission.ViewIncentives, ApiOperation.Get);

        g.MapGet("/files/{id:guid}", async (Guid id, ApplicationDocuments h, CancellationToken ct) =>
            {
                var (content, type, name) = await h.Download(id, ct);
                return TypedResults.File(content, type, name);
            })
            .Access<ApplicationFile>(Permission.ViewIncentives, ApiOperation.Get);
        g.MapDelete("/files/{id:guid}", async (Guid id, ApplicationDocuments h, CancellationToken ct) =>
            {
                await h.Delete(id, ct);
                return TypedResults.NoContent();
            })
            .Access<ApplicationFile>(Permission.ApplyIncentives, ApiOperation.Delete);

        g.MapGet("/budgets", ([FromQuery] int? year, ManageBudgets h, CancellationToken ct) => h.List(year, ct))
            .Access<IncentiveBudget>(Permission.ViewIncentives, ApiOperation.List);
        g.MapPost("/budgets", async (ManageBudgets.CreateRequest r, ManageBudgets h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/incentives/budgets/{created.Id}", created);
            })
            .Access<IncentiveBudget>(Permission.ManageIncentives, ApiOperation.Create);
        g.MapPut("/budgets/{id:guid}", (Guid id, ManageBudgets.UpdateRequest r, ManageBudgets h, CancellationToken ct) => h.Update(id, r, ct))
            .Access<IncentiveBudget>(Permission.ManageIncentives, ApiOperation.Update);

        g.MapGet("/disclosure.xlsx", async ([FromQuery] int? year, IncentiveLedgers h, CancellationToken ct) =>
                TypedResults.File(await h.Disclosure(year, ct), Workbooks.ContentType, $"政策兑现公示名单{year}.xlsx"))
            .Access<IncentiveApplication>(Permission.ViewIncentives, ApiOperation.Download);
        g.MapGet("/payments.xlsx", async ([FromQuery] int? year, IncentiveLedgers h, CancellationToken ct) =>
                TypedResults.File(await h.PaymentLedger(year, ct), Workbooks.ContentType, $"政策兑现兑付台账{year}.xlsx"))
            .Access<IncentivePayment>(Permission.ViewIncentives, ApiOperation.Download);
        g.MapGet("/payments/template.xlsx", (ImportPayments h) => TypedResults.File(h.Template(), Workbooks.ContentType, "兑付台账导入模板.xlsx"))
            .Access<IncentivePayment>(Permission.ViewIncentives, ApiOperation.Download);
        g.MapPost("/payments/import", async (IFormFile file, [FromQuery] ImportMode? mode, [FromQuery] string? format, ImportPayments h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.Handle(await ImportEndpoint.ReadAsync(file, ct), mode ?? ImportMode.AllOrNothing, ct), format))
            .DisableAntiforgery()
            .Access<IncentivePayment>(Permission.ReviewIncentives, ApiOperation.Action);
    }
}
