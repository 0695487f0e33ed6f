using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for this provider (no server needed).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<WorkflowDbContext>)PostgreSqlWorkflowEngineBuilderExtensions
            .Configure(new DbContextOptionsBuilder<WorkflowDbContext>(), "Host=localhost;Database=design").Options);
}
