using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflows.Host.Accounts;

// dotnet-ef builds the contexts through these instead of starting the whole host; no database is
// opened to add a migration, so the connection strings only choose the provider.

internal sealed class SqliteAccountsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteAccountsDbContext>()
        .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable))
        .Options);
}

internal sealed class PostgreSqlAccountsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAccountsDbContext>
{
    public PostgreSqlAccountsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgreSqlAccountsDbContext>()
        .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable))
        .Options);
}
