using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence;

namespace Workflows.Benchmarks.Infrastructure;

/// <summary>
/// Multiplies engine-written instances inside the database: every row that belongs to a template
/// instance (the instance, its tokens, tasks, timers, subscriptions, journal and outbox rows) is
/// copied with fresh ids, the references between them re-pointed to the copies. Column lists come
/// from the engine's own EF Core model, so a copy has exactly the shape the engine writes.
/// </summary>
/// <remarks>
/// Starting 100,000 instances through the engine takes minutes on two cores; copying 1,000 of them
/// 100 times takes seconds. What a copy does not have is a valid journal hash chain: the hashes
/// cover the instance id, and SQL cannot recompute SHA-256. Nothing in the benchmarks reads them.
/// </remarks>
public static class RowCloner
{
    public static async Task CloneAsync(IServiceProvider services, BenchmarkDatabase db, IReadOnlyCollection<Guid> templates, int copies)
    {
        if (copies <= 0 || templates.Count == 0)
        {
            return;
        }
        await using var context = await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var tables = ClonedTables(context.Model).ToList();
        var sqlite = db.Kind == StoreKind.Sqlite;

        await using var connection = db.Open();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var idType = sqlite ? "TEXT" : "uuid";
        await ExecuteAsync(connection, transaction, $"""
            CREATE TEMP TABLE bench_templates (id {idType} PRIMARY KEY);
            CREATE TEMP TABLE bench_copies (k INTEGER PRIMARY KEY);
            CREATE TEMP TABLE bench_map (old {idType} NOT NULL, k INTEGER NOT NULL, h TEXT, new {idType}, PRIMARY KEY (old, k));
            """);
        var upper = await IdsAreUpperCaseAsync(connection, transaction, sqlite);
        foreach (var chunk in templates.Chunk(500))
        {
            var values = string.Join(",", chunk.Select(id => $"('{Format(id, upper)}')"));
            await ExecuteAsync(connection, transaction, $"INSERT INTO bench_templates (id) VALUES {values}");
        }
        await ExecuteAsync(connection, transaction,
            $"INSERT INTO bench_copies (k) VALUES {string.Join(",", Enumerable.Range(1, copies).Select(k => $"({k})"))}");

        // Every primary-key id of a template's rows gets one new id per copy.
        var ids = string.Join(" UNION ALL ", tables.Where(t => t.Key.ClrType == typeof(Guid))
            .Select(t => $"SELECT s.{Q(t.Key.Name)} AS old FROM {t.Name} s WHERE s.{Q(t.Owner.Name)} IN (SELECT id FROM bench_templates)"));
        if (sqlite)
        {
            await ExecuteAsync(connection, transaction, $"INSERT INTO bench_map (old, k, h) SELECT ids.old, c.k, hex(randomblob(16)) FROM ({ids}) ids CROSS JOIN bench_copies c");
            var guid = "substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12)";
            await ExecuteAsync(connection, transaction, $"UPDATE bench_map SET new = {(upper ? guid : $"lower({guid})")}");
        }
        else
        {
            await ExecuteAsync(connection, transaction, $"INSERT INTO bench_map (old, k, new) SELECT ids.old, c.k, gen_random_uuid() FROM ({ids}) ids CROSS JOIN bench_copies c");
        }

        foreach (var table in tables)
        {
            await ExecuteAsync(connection, transaction, CopySql(table));
        }
        await transaction.CommitAsync();
        // Fresh statistics, as a database that grew over months would have.
        await ExecuteAsync(connection, null, "ANALYZE");
    }

    private sealed record Column(string Name, Type ClrType, bool Generated);

    private sealed record Table(string Name, Column Key, Column Owner, IReadOnlyList<Column> Columns);

    /// <summary>Tables whose rows belong to an instance: <c>wf_instances</c> by its id, the rest by <c>InstanceId</c>.</summary>
    private static IEnumerable<Table> ClonedTables(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var columns = entity.GetProperties()
                // A database-generated key (the journal's sequence id) is left out of the copy; Guid keys
                // count as "generated" in EF Core too, but on the client, so they are copied.
                .Select(p => new Column(p.GetColumnName(store)!, Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType,
                    p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType != typeof(Guid)))
                .ToList();
            var key = columns.Single(c => c.Name == entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store));
            var owner = table == "wf_instances" ? key : columns.FirstOrDefault(c => c.Name == "InstanceId");
            if (owner is not null)
            {
                yield return new Table(table, key, owner, columns);
            }
        }
    }

    private static string CopySql(Table table)
    {
        var columns = table.Columns.Where(c => !c.Generated).ToList();
        var joins = new List<string>();
        var select = columns.Select((c, i) =>
        {
            if (c.ClrType != typeof(Guid))
            {
                return $"s.{Q(c.Name)}";
            }
            joins.Add($"LEFT JOIN bench_map m{i} ON m{i}.old = s.{Q(c.Name)} AND m{i}.k = c.k");
            return $"COALESCE(m{i}.new, s.{Q(c.Name)})";
        }).ToList();
        return $"""
            INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => Q(c.Name)))})
            SELECT {string.Join(", ", select)}
            FROM {table.Name} s CROSS JOIN bench_copies c {string.Join(" ", joins)}
            WHERE s.{Q(table.Owner.Name)} IN (SELECT id FROM bench_templates)
            """;
    }

    private static async Task<bool> IdsAreUpperCaseAsync(DbConnection connection, DbTransaction transaction, bool sqlite)
    {
        if (!sqlite)
        {
            return false;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Id\" FROM wf_instances LIMIT 1";
        var sample = (string?)await command.ExecuteScalarAsync() ?? "";
        return sample == sample.ToUpperInvariant();
    }

    private static string Format(Guid id, bool upper) => upper ? id.ToString("D").ToUpperInvariant() : id.ToString("D");

    private static string Q(string name) => $"\"{name}\"";

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 900;
        await command.ExecuteNonQueryAsync();
    }
}
