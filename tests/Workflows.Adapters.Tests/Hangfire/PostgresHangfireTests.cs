using Npgsql;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine.Hangfire;

namespace Workflows.Adapters.Tests.Hangfire;

public sealed class PostgresHangfireTests : IAsyncLifetime
{
    private TemporaryPostgresDatabase? _database;

    public async Task InitializeAsync() => _database = await TemporaryPostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Dispatch_RunsOutboxJob_OnPostgresStorageInItsOwnSchema()
    {
        var processor = new RecordingOutboxProcessor();
        await using var host = await HangfireTestHost.StartAsync(processor, options =>
        {
            options.Storage = HangfireStorage.PostgreSql;
            options.ConnectionString = _database!.ConnectionString;
        });
        var message = Guid.NewGuid();

        host.Dispatcher.Dispatch([message]);

        await Poll.UntilAsync(() => processor.CountOf(message) == 1, "the message is processed");
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
