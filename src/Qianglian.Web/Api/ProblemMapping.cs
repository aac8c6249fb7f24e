using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Api;

/// <summary>Maps domain exceptions to RFC 7807 problem details with field-level messages.</summary>
internal sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = 400, Title = "输入有误 (invalid input)", Detail = v.Message,
            },
            // "field": what was not found — the body field that named it (nodeId), or the record the route names.
            NotFoundException n => new ProblemDetails { Status = 404, Title = "未找到 (not found)", Detail = n.Message, Extensions = { ["field"] = n.What } },
            ForbiddenException or ScopeViolationException => new ProblemDetails { Status = 403, Title = "无权操作 (forbidden)", Detail = exception.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409, Title = "数据已被他人修改 (edit conflict)",
                Detail = "该记录已被其他用户修改，请重新加载后再保存 (the record was changed by someone else: reload and save again)",
            },
            ConflictException { Field: { } field } c => new ProblemDetails { Status = 409, Title = "冲突 (conflict)", Detail = c.Message, Extensions = { ["field"] = field } },
            ConflictException c => new ProblemDetails { Status = 409, Title = "冲突 (conflict)", Detail = c.Message },
            BadHttpRequestException b => RequestBinding.Problem(b),
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
