using Deliberation.Web.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Hosting;

/// <summary>
/// The EF Core side of the shared database: ASP.NET Core Identity's tables and the data-protection key ring.
/// Everything about councils lives in the event log, not here.
/// </summary>
public sealed class DeliberationDb(DbContextOptions<DeliberationDb> options) : IdentityDbContext<CouncilUser>(options)
{
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKeyRecord>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
            key.HasIndex(k => k.FriendlyName).IsUnique();
        });
        // PostgreSQL has no DateTimeOffset with offset; store UTC ticks so both databases agree.
        builder.Entity<CouncilUser>().Property(u => u.CreatedAt)
            .HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        builder.Entity<CouncilUser>().Property(u => u.LockoutEnd)
            .HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null,
                           v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
    }
}

public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
