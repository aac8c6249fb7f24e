using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Jurisdictions;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>Adds a jurisdiction under one the caller can see. Codes are checked against GB/T 2260.</summary>
public sealed class CreateJurisdiction(AppDb dbs, CurrentUser user)
{
    public sealed record Request(Guid ParentId, string Code, string Name, JurisdictionLevel Level);

    public async Task<JurisdictionView> Handle(Request request, CancellationToken ct)
    {
        user.Require(Permission.ManageJurisdictions);
        await using var db = dbs.Open();
        var parent = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Id == request.ParentId, ct)
                     ?? throw new NotFoundException("parentId", "上级辖区不存在或不在本账号管辖范围内 (parentId: parent jurisdiction not found)");
        Validate(request, parent);
        // An administrative code names one place in the whole country, wherever the caller works.
        if (await db.IsTakenAsync<Jurisdiction>(j => j.Code == request.Code, ct))
            throw new ValidationException("code", $"行政区划代码“{request.Code}”已存在 (code already exists)");
        var created = Jurisdiction.Create(request.Code, request.Name.Trim(), request.Level, parent);
        db.Jurisdictions.Add(created);
        await db.SaveChangesAsync(ct);
        return JurisdictionView.Of(created);
    }

    private static void Validate(Request request, Jurisdiction parent)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw new ValidationException("name", "名称不能为空 (name is required)");
        if ((int)request.Level != (int)parent.Level + 1 && !(request.Level == JurisdictionLevel.Park && parent.Level >= JurisdictionLevel.City)
            && !(request.Level == JurisdictionLevel.County && parent.Level == JurisdictionLevel.Province))
            throw new ValidationException("level", $"“{request.Level}”不能设在“{parent.Level}”之下 (level does not fit under the parent)");
        var check = request.Level == JurisdictionLevel.Park
            ? AdministrativeCode.CheckPark(request.Code, parent.Code)
            : AdministrativeCode.CheckParent(request.Code, parent.Code);
        if (!check.IsValid)
            throw new ValidationException("code", check.Error!);
    }
}
