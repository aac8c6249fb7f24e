using Qianglian.Web.Data.Protection;

namespace Qianglian.Web.Tests.Security;

/// <summary>The cipher and its key directory without a database: first key, rotation, field binding, tampering.</summary>
public sealed class PersonalDataCipherTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"qianglian-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void A_first_key_is_made_once_and_a_rotated_ring_still_opens_what_the_old_key_sealed()
    {
        var first = PersonalDataKeys.Load(directory);
        Assert.Equal(first.CurrentId, PersonalDataKeys.Load(directory).CurrentId); // loading again makes no second key
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, first.CurrentId + ".key")));
        var old = new PersonalDataCipher(first).Seal("13812345678", "AppUser.PhoneNumber");
        Assert.Equal(first.CurrentId, PersonalDataCipher.KeyIdOf(old));

        var rotated = PersonalDataKeys.Rotate(directory, TimeProvider.System);
        var ring = new PersonalDataCipher(PersonalDataKeys.Load(directory));
        Assert.Equal(rotated, ring.Keys.CurrentId);
        Assert.NotEqual(first.CurrentId, rotated);
        Assert.Equal("13812345678", ring.Open(old, "AppUser.PhoneNumber"));
        Assert.Equal(rotated, PersonalDataCipher.KeyIdOf(ring.Seal("13812345678", "AppUser.PhoneNumber")));
    }

    [Fact]
    public void Equal_numbers_seal_differently_and_a_value_opens_only_in_its_own_field_and_untouched()
    {
        var cipher = new PersonalDataCipher(PersonalDataKeys.Load(directory));
        var a = cipher.Seal("13812345678", "AppUser.PhoneNumber");
        Assert.NotEqual(a, cipher.Seal("13812345678", "AppUser.PhoneNumber"));
        Assert.Throws<PersonalDataKeyException>(() => cipher.Open(a, "Other.Field"));
        var bytes = Convert.FromBase64String(a[(a.LastIndexOf(':') + 1)..]);
        bytes[^1] ^= 1;
        Assert.Throws<PersonalDataKeyException>(() => cipher.Open(a[..(a.LastIndexOf(':') + 1)] + Convert.ToBase64String(bytes), "AppUser.PhoneNumber"));
        Assert.Equal("13812345678", cipher.Open("13812345678", "AppUser.PhoneNumber")); // plaintext of before, until sealed
    }

    [Fact]
    public void A_directory_with_keys_but_no_current_key_is_refused_not_replaced()
    {
        var keys = PersonalDataKeys.Load(directory);
        File.Delete(Path.Combine(directory, PersonalDataKeys.CurrentFile));
        var refused = Assert.Throws<PersonalDataKeyException>(() => PersonalDataKeys.Load(directory));
        Assert.Contains(directory, refused.Message);
        Assert.Single(Directory.GetFiles(directory, "*.key"));
        Assert.True(File.Exists(Path.Combine(directory, keys.CurrentId + ".key")));
    }
}
