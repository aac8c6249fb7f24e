using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>
/// A client generated from the host's OpenAPI document by a maintained generator (NSwag) compiles and works against the
/// host (issue 18 item 8): reads, a create answered with its record, and a 404 surfacing as the client's own exception.
/// </summary>
public sealed class GeneratedClientTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task A_client_generated_from_the_document_compiles_and_calls_the_api()
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(await host.Anonymous().GetStringAsync("/openapi/v1.json"));
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "QianglianClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            CSharpGeneratorSettings = { Namespace = "Generated", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        }).GenerateFile();
        var assembly = Compile(code);

        using var http = await host.ClientFor("xiqu.office");
        dynamic client = Activator.CreateInstance(assembly.GetType("Generated.QianglianClient")!, http)!;

        IEnumerable<dynamic> jurisdictions = await client.GetJurisdictionsAsync();
        var xiqu = jurisdictions.Single(j => (string)j.Code == "510403");

        dynamic request = Activator.CreateInstance(assembly.GetType("Generated.SaveUnitCreateRequest")!)!;
        request.JurisdictionId = (Guid)xiqu.Id;
        request.Name = $"生成客户端测试局{Guid.NewGuid():N}"[..14];
        request.Kind = (dynamic)Enum.Parse(assembly.GetType("Generated.UnitKind")!, "Government");
        dynamic created = await client.PostUnitsAsync(request);
        dynamic read = await client.GetUnitsByIdAsync((Guid)created.Id);
        Assert.Equal((string)request.Name, (string)read.Name);

        var missing = await Assert.ThrowsAnyAsync<Exception>(async () => await client.GetProjectsByIdAsync(Guid.NewGuid()));
        Assert.StartsWith("ApiException", missing.GetType().Name); // ApiException<ProblemDetails>: the problem is read too
        Assert.Equal(404, (int)((dynamic)missing).StatusCode);
    }

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create($"Generated{Guid.NewGuid():N}", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        image.Position = 0;
        return new AssemblyLoadContext("generated client", isCollectible: true).LoadFromStream(image);
    }
}
