using System.Security.Cryptography;
using System.Text;

namespace Qianglian.Web.Data.Protection;

/// <summary>
/// Seals and opens one personal-data value with AES-256-GCM (System.Security.Cryptography.AesGcm): confidentiality and
/// integrity together (GB/T 22239-2019 8.1.4.7/8.1.4.8). A sealed value reads <c>pd1:{keyId}:{base64(nonce‖tag‖ciphertext)}</c>
/// — the key id travels with it, so keys can rotate while old values stay readable. The field's name is bound in as
/// associated data, so a sealed phone number copied into another field does not open there. A fresh 96-bit random
/// nonce per value (NIST SP 800-38D 8.2.2) also means equal numbers never look equal in the database.
/// </summary>
public sealed class PersonalDataCipher(PersonalDataKeys keys)
{
    public const string Prefix = "pd1:";
    private const int NonceSize = 12, TagSize = 16;

    public PersonalDataKeys Keys => keys;

    public static bool IsSealed(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The id of the key that sealed a stored value (null for plaintext).</summary>
    public static string? KeyIdOf(string stored) =>
        IsSealed(stored) && stored.IndexOf(':', Prefix.Length) is var end and > 0 ? stored[Prefix.Length..end] : null;

    public string Seal(string plaintext, string field)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Current, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(field));
        return $"{Prefix}{keys.CurrentId}:{Convert.ToBase64String(output)}";
    }

    /// <summary>
    /// The plaintext of a stored value. A value without the prefix is returned as it is: rows written before
    /// encryption, until the start-up step has sealed them.
    /// </summary>
    public string Open(string stored, string field)
    {
        if (!IsSealed(stored)) return stored;
        var keyId = KeyIdOf(stored) ?? throw Unreadable(field, "?");
        byte[] input;
        try { input = Convert.FromBase64String(stored[(Prefix.Length + keyId.Length + 1)..]); }
        catch (FormatException) { throw Unreadable(field, keyId); }
        if (input.Length < NonceSize + TagSize) throw Unreadable(field, keyId);
        var plain = new byte[input.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(keys.Get(keyId), TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(field));
        }
        catch (AuthenticationTagMismatchException) { throw Unreadable(field, keyId); }
        return Encoding.UTF8.GetString(plain);
    }

    private PersonalDataKeyException Unreadable(string field, string keyId) =>
        new($"个人信息字段 {field} 无法用密钥 {keyId}（目录 {keys.Directory}）解密：密钥文件不是加密时所用的，或数据已被改动 " +
            $"(the personal-data field {field} does not decrypt with key {keyId} of {keys.Directory}: wrong key file, or the value was altered)");
}
