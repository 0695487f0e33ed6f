using Microsoft.Data.Sqlite;
using Workflows.Engine.Persistence;

namespace Workflows.Host.Infrastructure;

/// <summary>The one database the engine, the accounts and the executors share.</summary>
public sealed record WorkflowStorage(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// Reads <c>Database:Provider</c> and <c>ConnectionStrings:Workflows</c>. A relative SQLite file is
    /// placed under the content root (so <c>data/workflows.db</c> lands beside the project whatever the
    /// working directory), and its folder is created.
    /// </summary>
    public static WorkflowStorage FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSql but ConnectionStrings:Workflows is empty; set ConnectionStrings__Workflows.");
            }
            return new WorkflowStorage(DatabaseProvider.PostgreSql, connectionString);
        }
        var sqlite = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnectionString : connectionString);
        var inMemory = sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:";
        if (!inMemory)
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }
        return new WorkflowStorage(DatabaseProvider.Sqlite, sqlite.ToString());
    }
}
