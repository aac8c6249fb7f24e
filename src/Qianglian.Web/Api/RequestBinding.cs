using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Qianglian.Web.Api;

/// <summary>
/// A request the endpoint could not even bind (issue 15, item 7): malformed JSON, a value of the wrong type, an
/// enum value that does not exist, a required query parameter missing or unreadable. Minimal APIs answer these with
/// an empty 400 unless told to throw; thrown, they reach <see cref="ProblemMapping"/> and become problem details
/// naming the field: the JSON path of the body ("nodes[2].kind"), or the parameter's name ("year").
/// </summary>
public static partial class RequestBinding
{
    public static void AddRequestBinding(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    public static ProblemDetails Problem(BadHttpRequestException e)
    {
        var field = FieldOf(e);
        var message = e.InnerException is JsonException json
            ? $"无法读取该项的值 (cannot read this value: {FirstLine(json.Message)})"
            : $"请求有误 (bad request: {e.Message})";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = e.StatusCode, Title = "输入有误 (invalid input)", Detail = message, Extensions = { ["field"] = field },
        };
    }

    private static string FieldOf(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException { Path: { } path })
            return path is "$" or "" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (e.InnerException is JsonException) return "body";
        // "Required parameter "int year" was not provided from query string." / "Failed to bind parameter "int year" from "x"."
        return Parameter().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : "request";
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?([^\" ]+)\"")]
    private static partial Regex Parameter();
}
