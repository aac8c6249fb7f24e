using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Qianglian.Web.Data.Protection;

/// <summary>
/// Encryption at rest in one place: an EF Core value converter on every field of <see cref="PersonalDataFields"/>, so
/// every read and write of the context — tracked, projected or through Identity's store — seals on the way in and
/// opens on the way out, and no module can forget it. The cipher comes with the context's options; a model is cached
/// per cipher (each host, each key directory) and built without converters at design time (migrations see the same
/// text columns either way).
/// </summary>
public static class PersonalDataModel
{
    public static DbContextOptionsBuilder<T> UsePersonalDataCipher<T>(this DbContextOptionsBuilder<T> builder, PersonalDataCipher? cipher) where T : DbContext
    {
        if (cipher is null) return builder;
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new PersonalDataOptionsExtension(cipher));
        builder.ReplaceService<IModelCacheKeyFactory, CipherModelCacheKeyFactory>();
        return builder;
    }

    public static PersonalDataCipher? CipherOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<PersonalDataOptionsExtension>()?.Cipher;

    /// <summary>Called from <c>OnModelCreating</c>: converters on the personal fields when the context has a cipher.</summary>
    public static void Apply(ModelBuilder builder, PersonalDataCipher? cipher)
    {
        if (cipher is null) return;
        foreach (var field in PersonalDataFields.All)
        {
            var name = field.Name;
            builder.Entity(field.Entity).Property(field.Property).HasConversion(
                new ValueConverter<string, string>(plain => cipher.Seal(plain, name), stored => cipher.Open(stored, name)));
        }
    }

    private sealed class CipherModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), designTime, CipherOf(context));
    }

    private sealed class PersonalDataOptionsExtension(PersonalDataCipher cipher) : IDbContextOptionsExtension
    {
        public PersonalDataCipher Cipher { get; } = cipher;
        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);
        public void ApplyServices(IServiceCollection services) { }
        public void Validate(IDbContextOptions options) { }

        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;
            public override string LogFragment => "PersonalDataCipher ";
            public override int GetServiceProviderHashCode() => 0;
            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["PersonalDataCipher"] = "1";
        }
    }
}
