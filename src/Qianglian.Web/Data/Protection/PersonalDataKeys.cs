using System.Security.Cryptography;

namespace Qianglian.Web.Data.Protection;

/// <summary>
/// The keys that encrypt personal data, kept as files outside the database (GB/T 22239-2019 8.1.4.8 保密性; GB/T
/// 39786-2021 密钥与数据分离): one file <c>{id}.key</c> per key (32 random bytes, base64) and <c>current</c> naming the
/// key new values are sealed with. Older keys stay to open what they sealed until the start-up step has re-sealed it
/// (rotation, docs/operations.md). An empty or missing directory gets its first key on first start; a directory that
/// holds keys but no readable <c>current</c> is an error, never silently replaced.
/// </summary>
public sealed class PersonalDataKeys
{
    public const string CurrentFile = "current";
    private readonly Dictionary<string, byte[]> keys;

    private PersonalDataKeys(string directory, string currentId, Dictionary<string, byte[]> keys)
    {
        Directory = directory;
        CurrentId = currentId;
        this.keys = keys;
    }

    public string Directory { get; }
    public string CurrentId { get; }
    public byte[] Current => keys[CurrentId];

    public byte[] Get(string id) => keys.TryGetValue(id, out var key) ? key
        : throw new PersonalDataKeyException($"个人信息密钥 {id} 不在密钥目录 {Directory} 中，无法解密；请恢复该密钥文件 {id}.key (personal-data key {id} is not in the key directory {Directory}: restore {id}.key)");

    /// <summary>Reads the directory, creating it and its first key when it holds none.</summary>
    public static PersonalDataKeys Load(string directory)
    {
        directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(directory);
        // Hosts starting together (instances, test hosts) must agree on one first key: the check and the creation
        // happen under an exclusive lock on a file of the directory.
        using (AcquireLock(directory))
            if (!System.IO.Directory.EnumerateFiles(directory, "*.key").Any())
                CreateFirst(directory);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.key"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            byte[] key;
            try { key = Convert.FromBase64String(File.ReadAllText(file).Trim()); }
            catch (FormatException) { key = []; }
            if (key.Length != 32)
                throw new PersonalDataKeyException($"个人信息密钥文件 {file} 不是32字节的base64密钥 (the personal-data key file {file} is not a base64 32-byte key)");
            keys[id] = key;
        }
        var currentPath = Path.Combine(directory, CurrentFile);
        var current = File.Exists(currentPath) ? File.ReadAllText(currentPath).Trim() : "";
        if (!keys.ContainsKey(current))
            throw new PersonalDataKeyException($"密钥目录 {directory} 的 {CurrentFile} 文件未指明其中的密钥 (the file {CurrentFile} of the key directory {directory} names none of its keys)");
        return new PersonalDataKeys(directory, current, keys);
    }

    /// <summary>Adds a new key and makes it current (rotation); returns its id. The old keys stay.</summary>
    public static string Rotate(string directory, TimeProvider clock)
    {
        System.IO.Directory.CreateDirectory(directory);
        var id = NewId(clock.GetUtcNow());
        WriteKey(directory, id);
        File.WriteAllText(Path.Combine(directory, CurrentFile), id);
        return id;
    }

    /// <summary>When it was made (for people rotating keys) and 4 random hex digits (two made in one second differ).</summary>
    private static string NewId(DateTimeOffset now) => $"k{now:yyyyMMddHHmmss}{RandomNumberGenerator.GetHexString(4, lowercase: true)}";

    private static void CreateFirst(string directory)
    {
        var id = NewId(DateTimeOffset.UtcNow);
        WriteKey(directory, id);
        File.WriteAllText(Path.Combine(directory, CurrentFile), id);
    }

    private static FileStream AcquireLock(string directory)
    {
        var path = Path.Combine(directory, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (attempt < 200) { Thread.Sleep(25); }
        }
    }

    private static void WriteKey(string directory, string id)
    {
        var path = Path.Combine(directory, id + ".key");
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // 0600: the service account only
        file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    }
}

/// <summary>A personal-data key is missing or does not open a value: the host must not start or answer with guesses.</summary>
public sealed class PersonalDataKeyException(string message) : Exception(message);
