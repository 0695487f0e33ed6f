using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Activities.Documents.Persistence;
using Workflows.Engine;
using Workflows.Engine.Persistence;

namespace Workflows.Activities.Documents;

public static class DocumentsWorkflowEngineBuilderExtensions
{
    /// <summary>Case documents (<c>doc_*</c> tables) with limits from <c>Workflows:Documents</c>. Call after the storage provider.</summary>
    public static WorkflowEngineBuilder AddDocuments(this WorkflowEngineBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section);
        WorkflowDatabase.AddModuleDbContext<DocumentsDbContext, SqliteDocumentsDbContext, PostgreSqlDocumentsDbContext>(
            builder.Services, DocumentsDbContext.MigrationsHistoryTable);
        builder.Services.TryAddSingleton<DocumentStore>();
        return builder;
    }
}
