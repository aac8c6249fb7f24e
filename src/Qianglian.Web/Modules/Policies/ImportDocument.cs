using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Policies;

/// <summary>Imports a policy document pasted or uploaded as text into a jurisdiction the caller manages.</summary>
public sealed class ImportDocument(AppDb dbs, CurrentUser user, ReadDocuments documents, TimeProvider clock)
{
    public sealed record Request(Guid JurisdictionId, [property: System.ComponentModel.DataAnnotations.MaxLength(Data.InputLimits.Document)] string Text, string? Title, string? Issuer, string? Status, DateOnly? IssuedOn, DateOnly? ValidUntil);
    public sealed record Result(DocumentView Document, IReadOnlyList<string> UnknownUnits, bool AlreadyImported);

    public const int MaxLength = 500_000;

    public async Task<Result> Handle(Request request, CancellationToken ct)
    {
        user.Require(Permission.ManagePolicies);
        if (string.IsNullOrWhiteSpace(request.Text))
            throw new ValidationException("text", "文件内容为空 (the document text is empty)");
        if (request.Text.Length > MaxLength)
            throw new ValidationException("text", $"文件过长（超过{MaxLength}字） (the text is longer than {MaxLength} characters)");
        if (request.ValidUntil is { } until && request.IssuedOn is { } issued && until < issued)
            throw new ValidationException("validUntil", "有效期截止日早于印发日期 (valid-until is before the issue date)");
        Guid id;
        IReadOnlyList<string> unknown;
        bool already;
        await using (var db = dbs.Open())
        {
            var jurisdiction = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Id == request.JurisdictionId, ct)
                               ?? throw new NotFoundException("jurisdictionId", "所属辖区不存在或不在本账号管辖范围内 (jurisdictionId: jurisdiction not found)");
            var outcome = await DocumentImporter.AddAsync(db, jurisdiction, request.Text.Replace("\r\n", "\n"),
                new DocumentImporter.Metadata(request.Title, request.Issuer, request.Status, request.IssuedOn, request.ValidUntil, null),
                clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            (id, unknown, already) = (outcome.Document.Id, outcome.UnknownUnits, outcome.AlreadyImported);
        }
        return new Result(await documents.Get(id, ct), unknown, already);
    }
}
