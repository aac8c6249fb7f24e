using Microsoft.AspNetCore.Mvc;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>Supervision: the problem ledger with escalation, measure tasks and monthly reports, chain-chief work, supply and demand.</summary>
public static class SupervisionModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<SupervisionSettingsLoader>();
        services.AddScoped<FileProblem>();
        services.AddScoped<ImportProblems>();
        services.AddScoped<HandleProblem>();
        services.AddScoped<RateProblem>();
        services.AddScoped<ReadProblems>();
        services.AddScoped<ExportProblems>();
        services.AddScoped<ProblemAttachments>();
        services.AddScoped<EscalateOverdueProblems>();
        services.AddHostedService<OverdueEscalationService>();
        services.AddScoped<PlanTasks>();
        services.AddScoped<ReportTask>();
        services.AddScoped<ReviewTask>();
        services.AddScoped<ReadTasks>();
        services.AddScoped<ReadSupervisionRules>();
        services.AddScoped<ExportAssessment>();
        services.AddScoped<RecordChainWork>();
        services.AddScoped<CompleteMatter>();
        services.AddScoped<ReadChainWork>();
        services.AddSingleton<ProductSegmenter>();
        services.AddScoped<PostSupplyDemand>();
        services.AddScoped<RecordMatch>();
        services.AddScoped<ReadSupplyDemand>();
        services.AddScoped<PullLevers>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        MapProblems(api);
        MapTasks(api);
        MapChainWork(api);
        MapSupplyDemand(api);
    }

    private static void MapSupplyDemand(RouteGroupBuilder api)
    {
        var s = api.MapGroup("/supply-demand").WithTags("Supervision");
        s.MapGet("/posts", (PostKind? kind, Guid? chainId, bool? open, ReadSupplyDemand h, CancellationToken ct) => h.Posts(kind, chainId, open ?? false, ct))
            .Access<SupplyDemandPost>(Permission.ViewSupervision, ApiOperation.List);
        s.MapPost("/posts", async (PostSupplyDemand.Request r, PostSupplyDemand h, CancellationToken ct) => Created(await h.Create(r, ct)))
            .Access<SupplyDemandPost>(Permission.PostSupplyDemand, ApiOperation.Create);
        s.MapPost("/posts/{id:guid}/close", (Guid id, int version, PostSupplyDemand h, CancellationToken ct) => NoContent(h.Close(id, version, ct)))
            .Access<SupplyDemandPost>(Permission.PostSupplyDemand, ApiOperation.Action);
        s.MapGet("/posts/{id:guid}/candidates", (Guid id, ReadSupplyDemand h, CancellationToken ct) => h.Candidates(id, ct))
            .Access<SupplyDemandPost>(Permission.ViewSupervision, ApiOperation.Get);
        s.MapGet("/matches", (Guid? chainId, ReadSupplyDemand h, CancellationToken ct) => h.Matches(chainId, ct))
            .Access<SupplyDemandMatch>(Permission.ViewSupervision, ApiOperation.List);
        s.MapPost("/matches", async (RecordMatch.CreateRequest r, RecordMatch h, CancellationToken ct) => Created(await h.Create(r, ct)))
            .Access<SupplyDemandMatch>(Permission.RecordMatches, ApiOperation.Create);
        s.MapPut("/matches/{id:guid}", (Guid id, RecordMatch.UpdateRequest r, RecordMatch h, CancellationToken ct) => NoContent(h.Update(id, r, ct)))
            .Access<SupplyDemandMatch>(Permission.RecordMatches, ApiOperation.Update);
        s.MapGet("/figures", (ReadSupplyDemand h, CancellationToken ct) => h.Figures(ct))
            .Access<SupplyDemandMatch>(Permission.ViewSupervision, ApiOperation.Download);
    }

    private static void MapChainWork(RouteGroupBuilder api)
    {
        var c = api.MapGroup("/chains").WithTags("Supervision");
        c.MapGet("/{id:guid}/chief-home", (Guid id, ReadChainWork h, CancellationToken ct) => h.Home(id, ct))
            .Access<Chains.Chain>(Permission.ViewSupervision, ApiOperation.Get);
        c.MapPost("/{id:guid}/visits", async (Guid id, RecordChainWork.VisitRequest r, RecordChainWork h, CancellationToken ct) => Created(await h.Visit(id, r, ct)))
            .Access<Chains.Chain>(Permission.ManageChainWork, ApiOperation.Create);
        c.MapPost("/{id:guid}/meetings", async (Guid id, RecordChainWork.MeetingRequest r, RecordChainWork h, CancellationToken ct) => Created(await h.Meeting(id, r, ct)))
            .Access<Chains.Chain>(Permission.ManageChainWork, ApiOperation.Create);
        c.MapPost("/{id:guid}/matters", async (Guid id, RecordChainWork.MatterRequest r, RecordChainWork h, CancellationToken ct) => Created(await h.Matter(id, r, ct)))
            .Access<Chains.Chain>(Permission.ManageChainWork, ApiOperation.Create);
        var m = api.MapGroup("/matters").WithTags("Supervision");
        m.MapGet("", (Guid? chainId, bool? mine, bool? open, ReadChainWork h, CancellationToken ct) => h.List(chainId, mine ?? false, open ?? false, ct))
            .Access<AssignedMatter>(Permission.ViewSupervision, ApiOperation.List);
        m.MapPost("/{id:guid}/complete", (Guid id, CompleteMatter.Request r, CompleteMatter h, CancellationToken ct) => NoContent(h.Handle(id, r, ct)))
            .Access<AssignedMatter>(Permission.ReportProgress, ApiOperation.Action);
    }

    private static void MapTasks(RouteGroupBuilder api)
    {
        api.MapPost("/documents/{id:guid}/tasks", (Guid id, PlanTasks.GenerateRequest r, PlanTasks h, CancellationToken ct) => h.Generate(id, r, ct))
            .WithTags("Supervision").Access<Policies.PolicyDocument>(Permission.ManageTasks, ApiOperation.Action);
        var t = api.MapGroup("/tasks").WithTags("Supervision");
        t.MapGet("", (Guid? documentId, Guid? unitId, bool? mine, bool? attention, bool? unassigned, int? page, int? pageSize, ReadTasks h, CancellationToken ct) =>
                h.List(new(documentId, unitId, mine ?? false, attention ?? false, page ?? 1, pageSize ?? 50, unassigned ?? false), ct))
            .Access<MeasureTask>(Permission.ViewSupervision, ApiOperation.List);
        t.MapGet("/{id:guid}", (Guid id, ReadTasks h, CancellationToken ct) => h.Get(id, ct))
            .Access<MeasureTask>(Permission.ViewSupervision, ApiOperation.Get);
        t.MapPut("/{id:guid}/schedule", (Guid id, PlanTasks.ScheduleRequest r, PlanTasks h, CancellationToken ct) => NoContent(h.Schedule(id, r, ct)))
            .Access<MeasureTask>(Permission.ManageTasks, ApiOperation.Update);
        t.MapPost("/{id:guid}/assign", (Guid id, PlanTasks.AssignRequest r, PlanTasks h, CancellationToken ct) => h.Assign(id, r, ct))
            .Access<MeasureTask>(Permission.ManageTasks, ApiOperation.Action);
        t.MapPost("/{id:guid}/reports", async (Guid id, ReportTask.Request r, ReportTask h, CancellationToken ct) => Created(await h.Handle(id, r, ct)))
            .Access<MeasureTask>(Permission.ReportProgress, ApiOperation.Create);
        t.MapPost("/{id:guid}/urge", (Guid id, PullLevers.UrgeRequest r, PullLevers h, CancellationToken ct) => NoContent(h.Urge(id, r, ct)))
            .Access<MeasureTask>(Permission.ManageTasks, ApiOperation.Action);
        t.MapPost("/{id:guid}/reviews", async (Guid id, ReviewTask.Request r, ReviewTask h, CancellationToken ct) => Created(await h.Handle(id, r, ct)))
            .Access<MeasureTask>(Permission.ReviewTasks, ApiOperation.Create);
        t.MapGet("/assessment", (Guid? jurisdictionId, Guid? documentId, ReadTasks h, CancellationToken ct) => h.Assessment(jurisdictionId, documentId, ct))
            .Access<Jurisdictions.Jurisdiction>(Permission.ViewSupervision, ApiOperation.Get);
        api.MapGet("/supervision/rules", (Guid? jurisdictionId, ReadSupervisionRules h, CancellationToken ct) => h.Handle(jurisdictionId, ct))
            .WithTags("Supervision").Access<Jurisdictions.Jurisdiction>(Permission.ViewSupervision, ApiOperation.Get);
        t.MapGet("/assessment.xlsx", async (Guid? jurisdictionId, Guid? documentId, ExportAssessment h, CancellationToken ct) =>
                TypedResults.File(await h.Handle(jurisdictionId, documentId, ct), Workbooks.ContentType, "单位考核.xlsx"))
            .Access<Jurisdictions.Jurisdiction>(Permission.ViewSupervision, ApiOperation.Get);
    }

    private static void MapProblems(RouteGroupBuilder api)
    {
        var p = api.MapGroup("/problems").WithTags("Supervision");
        p.MapGet("", ([AsParameters] ProblemQuery q, ReadProblems h, CancellationToken ct) => h.List(q.ToQuery(), ct))
            .Access<Problem>(Permission.ViewSupervision, ApiOperation.List);
        p.MapGet("/{id:guid}", (Guid id, ReadProblems h, CancellationToken ct) => h.Get(id, ct))
            .Access<Problem>(Permission.ViewSupervision, ApiOperation.Get);
        p.MapGet("/figures", (Guid? jurisdictionId, ReadProblems h, CancellationToken ct) => h.Figures(jurisdictionId, ct))
            .Access<Jurisdictions.Jurisdiction>(Permission.ViewSupervision, ApiOperation.Get);
        p.MapGet("/figures.xlsx", async (Guid? jurisdictionId, ExportProblems h, CancellationToken ct) =>
                TypedResults.File(await h.Figures(jurisdictionId, ct), Workbooks.ContentType, "问题办理统计.xlsx"))
            .Access<Jurisdictions.Jurisdiction>(Permission.ViewSupervision, ApiOperation.Get);
        p.MapGet("/export.xlsx", async ([AsParameters] ProblemQuery q, ExportProblems h, CancellationToken ct) =>
                TypedResults.File(await h.Ledger(q.ToQuery(), ct), Workbooks.ContentType, "问题台账.xlsx"))
            .Access<Problem>(Permission.ViewSupervision, ApiOperation.Download);
        p.MapGet("/template.xlsx", (ImportProblems h) => TypedResults.File(h.Template(), Workbooks.ContentType, "问题台账导入模板.xlsx"))
            .Access<Problem>(Permission.ViewSupervision, ApiOperation.Download);
        p.MapPost("/import", async (IFormFile file, [FromQuery] ImportMode? mode, [FromQuery] string? format, ImportProblems h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.Handle(await ImportEndpoint.ReadAsync(file, ct), mode ?? ImportMode.AllOrNothing, ct), format))
            .DisableAntiforgery()
            .Access<Problem>(Permission.FileProblems, ApiOperation.Action);
        p.MapPost("", async (FileProblem.Request r, FileProblem h, CancellationToken ct) =>
            {
                var id = await h.Handle(r, ct);
                return TypedResults.Created($"/api/v1/problems/{id}", new { id });
            })
            .Access<Problem>(Permission.FileProblems, ApiOperation.Create);
        p.MapPost("/{id:guid}/assign", (Guid id, HandleProblem.AssignRequest r, HandleProblem h, CancellationToken ct) => NoContent(h.Assign(id, r, ct)))
            .Access<Problem>(Permission.HandleProblems, ApiOperation.Action);
        p.MapPost("/{id:guid}/escalate", (Guid id, HandleProblem.EscalateRequest r, HandleProblem h, CancellationToken ct) => NoContent(h.Escalate(id, r, ct)))
            .Access<Problem>(Permission.HandleProblems, ApiOperation.Action);
        p.MapPost("/{id:guid}/resolve", (Guid id, HandleProblem.ResolveRequest r, HandleProblem h, CancellationToken ct) => NoContent(h.Resolve(id, r, ct)))
            .Access<Problem>(Permission.HandleProblems, ApiOperation.Action);
        // The office's levers (改派, 督办): the office, or the chain's chief and deputies, whatever unit handles the problem.
        p.MapPost("/{id:guid}/reassign", (Guid id, PullLevers.ReassignRequest r, PullLevers h, CancellationToken ct) => NoContent(h.Reassign(id, r, ct)))
            .Access<Problem>(Permission.SteerProblems, ApiOperation.Action);
        p.MapPost("/{id:guid}/supervise", (Guid id, PullLevers.SuperviseRequest r, PullLevers h, CancellationToken ct) => NoContent(h.Supervise(id, r, ct)))
            .Access<Problem>(Permission.SteerProblems, ApiOperation.Action);
        p.MapPost("/{id:guid}/rate", (Guid id, RateProblem.Request r, RateProblem h, CancellationToken ct) => NoContent(h.Handle(id, r, ct)))
            .Access<Problem>(Permission.RateProblems, ApiOperation.Action);
        p.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile file, ProblemAttachments h, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return Created(await h.Add(id, file.FileName, stream, ct));
            })
            .DisableAntiforgery()
            .Access<Problem>(Permission.FileProblems, ApiOperation.Create);
        api.MapGet("/problem-attachments/{id:guid}", async (Guid id, ProblemAttachments h, CancellationToken ct) =>
            {
                var (content, type, name) = await h.Get(id, ct);
                return TypedResults.File(content, type, name);
            })
            .WithTags("Supervision").Access<ProblemAttachment>(Permission.ViewSupervision, ApiOperation.Get);
    }

    /// <summary>The ledger's query string (enums by name).</summary>
    public sealed record ProblemQuery(string? Search, Core.Supervision.ProblemStatus? Status, Core.Supervision.EscalationLevel? Level,
        Core.Supervision.ProblemCategory? Category, Guid? ChainId, bool? Mine, bool? Overdue, int? Page, int? PageSize, string? Sort)
    {
        public ReadProblems.Query ToQuery() => new(Search, Status, Level, Category, ChainId, Mine ?? false, Overdue ?? false, Page ?? 1, PageSize ?? 20, Sort);
    }

    private static IResult Created(Guid id) => TypedResults.Created((string?)null, new { id });

    private static async Task<IResult> NoContent(Task operation)
    {
        await operation;
        return TypedResults.NoContent();
    }
}
