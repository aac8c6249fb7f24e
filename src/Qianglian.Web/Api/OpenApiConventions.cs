using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qianglian.Web.Api;

/// <summary>
/// Shapes the OpenAPI document so a client can be generated from it and a reader can trust it: only /api paths; one
/// schema name per type; every operation with an operationId, a summary (<see cref="OperationSummaries"/>), the
/// security it needs and the problem details it may answer (see ProblemMapping for the statuses).
/// </summary>
public static partial class OpenApiConventions
{
    public const string ApiPrefix = "/api/v1";
    public const string ProblemSchema = "ProblemDetails";
    private const string FileSchema = "IFormFile";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.CreateSchemaReferenceId = SchemaName;
        options.AddSchemaTransformer((schema, _, _) =>
        {
            NumbersAreNumbers(schema);
            EnumsAreStrings(schema);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context.Description.HttpMethod ?? "GET", Route(context.Description.RelativePath ?? ""),
                context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any(), context.Document);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            Complete(document);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Request records are nested in their operation (SaveProject.CreateRequest, SaveUnit.CreateRequest): named by their
    /// simple name alone, every CreateRequest would share one schema, so the operation's name leads
    /// (SaveProjectCreateRequest — no dot, which generators would read as a namespace). Anonymous types (`new { id }`)
    /// have no name of their own — two of one shape would collide — and an uploaded file is a plain binary string:
    /// both are written inline.
    /// </summary>
    public static string? SchemaName(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        if (type.Type.Name.Contains("AnonymousType", StringComparison.Ordinal) || typeof(IFormFile).IsAssignableFrom(type.Type)) return null;
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return id is not null && type.Type.DeclaringType is { } outer ? outer.Name + id : id;
    }

    /// <summary>
    /// The API reads numbers written as strings too (the web defaults), which the generator writes as
    /// `type: [integer, string]` with a pattern; clients are told the one form they should send: a number.
    /// </summary>
    private static void NumbersAreNumbers(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) == 0 || (type & JsonSchemaType.String) == 0) return;
        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    /// <summary>"api/v1/projects/{id:guid}/detail" → "/projects/{id}/detail" (the key of <see cref="OperationSummaries"/>).</summary>
    public static string Route(string relativePath)
    {
        var path = ConstraintPattern().Replace("/" + relativePath.TrimStart('/'), "{$1}").TrimEnd('/');
        return path.StartsWith(ApiPrefix, StringComparison.Ordinal) ? path[ApiPrefix.Length..] is { Length: > 0 } rest ? rest : "/" : path;
    }

    /// <summary>"GET", "/projects/{id}/detail" → "getProjectsByIdDetail": unique because method and route are.</summary>
    public static string OperationId(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('{')) id.Append("By");
            foreach (var word in WordPattern().Matches(segment).Select(m => m.Value))
                id.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
        }
        return id.ToString();
    }

    private static void Describe(OpenApiOperation operation, string method, string route, bool anonymous, OpenApiDocument? document)
    {
        operation.OperationId = OperationId(method, route);
        FilesInline(operation);
        operation.Summary = OperationSummaries.For(method, route);
        operation.Security = anonymous
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
               new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", document)] = [] }];
        operation.Responses ??= [];
        var writes = method is not "GET";
        Problem(operation, document, "400", "invalid input: the problem names each refused field (errors) or the unreadable parameter");
        if (!anonymous)
        {
            Problem(operation, document, "401", "not signed in, or the session or token was revoked");
            Problem(operation, document, "403", "the caller's role or jurisdiction may not do this");
        }
        if (route.Contains('{')) Problem(operation, document, "404", "no such record in the caller's scope (field names the reference)");
        if (writes) Problem(operation, document, "409", "edited by someone else meanwhile, or a unique value already taken (field names it)");
    }

    /// <summary>
    /// Enumerations travel by name (JsonStringEnumConverter), but the framework writes their schema as a bare `enum`
    /// list; without `type: string` a generator reads them as numbers and cannot read an answer.
    /// </summary>
    private static void EnumsAreStrings(OpenApiSchema schema)
    {
        if (schema.Type is null && schema.Enum is { Count: > 0 } values && values.All(v => v is System.Text.Json.Nodes.JsonValue j && j.GetValueKind() == System.Text.Json.JsonValueKind.String))
            schema.Type = JsonSchemaType.String;
    }

    /// <summary>
    /// The framework names an upload's schema IFormFile whatever the options say; a file is a binary string, and
    /// generators only recognise it written inline.
    /// </summary>
    private static void FilesInline(OpenApiOperation operation)
    {
        foreach (var content in operation.RequestBody?.Content?.Values ?? [])
            foreach (var schema in (content.Schema?.AllOf ?? []).Append(content.Schema).OfType<OpenApiSchema>())
                foreach (var (name, property) in schema.Properties?.ToList() ?? [])
                    if (property is OpenApiSchemaReference { Reference.Id: FileSchema })
                        schema.Properties![name] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }

    private static void Complete(OpenApiDocument document)
    {
        document.Info.Description = "The API of Qianglian (强链): every screen's data and action, scoped to the caller's jurisdiction. " +
            "Sign in with POST /api/v1/auth/token and send the token as `Authorization: Bearer …`; errors are problem details (RFC 9457).";
        document.Info.License = new OpenApiLicense { Name = "Proprietary — for the governments operating the platform", Identifier = "LicenseRef-Proprietary" };
        // The host answering the document is the server: a relative URL, whatever address or proxy it was reached by.
        document.Servers = [new OpenApiServer { Url = "/", Description = "this host" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "A token from POST /api/v1/auth/token (revoked when the account is locked, its password or roles change).",
        };
        document.Components.SecuritySchemes["cookie"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Auth.AuthSchemes.CookieName,
            Description = "The signed-in browser's cookie; writes also need a same-origin request.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = ProblemDetailsSchema();
        document.Components.Schemas.Remove(FileSchema);
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
    }

    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; `errors` maps each refused field to its messages, `field` names a missing or conflicting reference.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Jurisdictions"] = "The jurisdiction tree: city, counties, districts and parks (GB/T 2260 codes).",
        ["Units"] = "Government units that lead or cooperate on measures and answer problems.",
        ["Users"] = "Accounts, roles, sessions and sign-in history.",
        ["Authentication"] = "Tokens, passwords and the caller's own sign-ins.",
        ["Audit"] = "The append-only, hash-chained audit trail.",
        ["Enterprises"] = "The enterprise register, yearly facts and honours.",
        ["Policy packs"] = "The policy packs loaded from the five documents and their platform defaults.",
        ["Policy documents"] = "Policy documents, their measures and responsibility matrices.",
        ["Chains"] = "Industrial chains: nodes, panorama maps, lists, work kits, needs and supply relations.",
        ["Projects"] = "The key-project library: stages, milestones, approvals, monthly reports, dispatch and holidays.",
        ["Investment"] = "Investment attraction: targets, pushes, leads, deals and funds in place.",
        ["Cultivation"] = "Enterprise cultivation: models, tiers, per-mu grading, objections and the listing reserve.",
        ["Incentives"] = "Incentive fulfilment: measures, eligibility, applications, approvals, budgets and payments.",
        ["Quotas"] = "Element quotas per chain and year: land, energy use, pollutant discharge and power pools, requests, allocations, use and transfers.",
        ["Supervision"] = "Problem ledgers, measure tasks, chain chiefs' work, meetings and supply–demand matching.",
        ["Arrears"] = "Arrears owed to private enterprises and SMEs: claims, verification, repayment plans, repayments and the cleared share.",
        ["Evaluation"] = "The chain evaluation index, target tracking, events, statistics and dashboards.",
        ["Inbox"] = "Each user's to-do items across every module.",
        ["Notifications"] = "Messages, reminder channels and the delivery log.",
    };

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex ConstraintPattern();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex WordPattern();
}
