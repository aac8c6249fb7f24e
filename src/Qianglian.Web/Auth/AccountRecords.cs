using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Web.Data;

namespace Qianglian.Web.Auth;

/// <summary>One sign-in attempt on an existing account: when, from where, and how it ended (8.1.4.3 c 登录审计).</summary>
public sealed class SignInRecord : ScopedEntity
{
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Address { get; set; } = "";
    public SignInResult Result { get; set; }
    /// <summary>"cookie" (the pages) or "token" (an API client).</summary>
    public string Channel { get; set; } = "";
}

public enum SignInResult { Succeeded, MustChangePassword, PasswordExpired, WrongPassword, LockedOut, SessionsEnded, CodeRequired, WrongCode, AuthenticatorReset }

/// <summary>A password an account has used, kept as its hash only, so the last few cannot be chosen again.</summary>
public sealed class PasswordHistoryEntry : ScopedEntity
{
    public Guid UserId { get; set; }
    /// <summary>Named like Identity's column so the audit trail masks it.</summary>
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
}

internal sealed class SignInRecordConfig : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> b)
    {
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Address).HasMaxLength(64);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class PasswordHistoryEntryConfig : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.Property(x => x.PasswordHash).HasMaxLength(512);
        b.HasIndex(x => x.UserId);
    }
}

/// <summary>
/// The sign-in bookkeeping: sign-in records and password history. Written with the system scope (sign-in happens
/// before anyone is signed in, and a read-only leader's own records must still be written); read back through the
/// caller's scope by <see cref="SignInHistory"/>.
/// </summary>
public sealed class AccountRecords(AppDb dbs, TimeProvider clock)
{
    public async Task AddSignInAsync(AppUser user, SignInResult result, string address, string channel)
    {
        await using var db = dbs.OpenSystem();
        db.Set<SignInRecord>().Add(new SignInRecord
        {
            UserId = user.Id, UserName = user.UserName ?? "", JurisdictionId = user.JurisdictionId, At = clock.GetUtcNow(),
            Address = address.Length > 64 ? address[..64] : address, Result = result, Channel = channel,
        });
        await db.SaveChangesAsync();
    }

    public async Task AddPasswordAsync(AppUser user)
    {
        if (string.IsNullOrEmpty(user.PasswordHash)) return;
        await using var db = dbs.OpenSystem();
        db.Set<PasswordHistoryEntry>().Add(new PasswordHistoryEntry
        {
            UserId = user.Id, JurisdictionId = user.JurisdictionId, PasswordHash = user.PasswordHash, SetAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The hashes of the last <paramref name="count"/> passwords, newest first (Guid v7 keys are time-ordered).</summary>
    public async Task<IReadOnlyList<PasswordHistoryEntry>> LastPasswordsAsync(Guid userId, int count)
    {
        if (count <= 0) return [];
        await using var db = dbs.OpenSystem();
        return await db.Set<PasswordHistoryEntry>().AsNoTracking().Where(p => p.UserId == userId)
            .OrderByDescending(p => p.Id).Take(count).ToListAsync();
    }
}
