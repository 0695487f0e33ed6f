using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for this provider.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<WorkflowDbContext>)SqliteWorkflowEngineBuilderExtensions
            .Configure(new DbContextOptionsBuilder<WorkflowDbContext>(), "Data Source=design-time.db").Options);
}
