using System.Security.Cryptography;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// Where uploaded documents live: under the data directory (Uploads:Root, default data/uploads), never under
/// wwwroot, named by their SHA-256 — so nothing uploaded is ever served as a static file or executed, a file's
/// checksum is its name, and the same document uploaded twice is stored once.
/// </summary>
public sealed class UploadStore(IConfiguration config)
{
    public string Root { get; } = Path.GetFullPath(config["Uploads:Root"] is { Length: > 0 } root ? root : Path.Combine(RepositoryPaths.Data, "uploads"));

    /// <summary>The largest accepted file (Uploads:MaxBytes, default 20 MB).</summary>
    public long MaxBytes { get; } = config.GetValue<long?>("Uploads:MaxBytes") ?? 20L * 1024 * 1024;

    public string PathOf(string sha256) => Path.Combine(Root, "incentives", sha256[..2], sha256);

    /// <summary>Stores the bytes (once) and returns their SHA-256 in lower-case hex.</summary>
    public async Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha);
        if (File.Exists(path)) return sha;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, path, overwrite: true);
        return sha;
    }

    /// <summary>Opens a stored file after checking it still has its checksum (a changed file on disk is not served).</summary>
    public async Task<byte[]> ReadAsync(string sha256, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(PathOf(sha256), ct);
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha256)
            throw new InvalidDataException($"Stored upload {sha256} no longer matches its checksum");
        return bytes;
    }
}
