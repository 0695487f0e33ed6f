using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Persistence;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.NormativeDocuments;

namespace Workflows.Host.NormativeDocuments;

public static class NormativeDocumentsHosting
{
    /// <summary>
    /// The normative-documents module. With the demo county seeded and no issuing bodies configured
    /// (<c>Workflows:NormativeDocuments:Issuers</c>), the demo's own issuing bodies are used, so a
    /// new user can take a document all the way to its number.
    /// </summary>
    public static WorkflowEngineBuilder AddNormativeDocumentsHosting(this WorkflowEngineBuilder engine)
    {
        engine.AddNormativeDocuments();
        engine.Services.AddOptions<NormativeDocumentOptions>().PostConfigure<IOptions<WorkflowsHostOptions>, WorkflowStorage>((options, host, storage) =>
        {
            var seedDemo = host.Value.SeedDemo ?? storage.Provider == DatabaseProvider.Sqlite;
            if (seedDemo && options.Issuers.Count == 0)
            {
                options.Issuers[DemoData.CountyGovernment] = new IssuingBodyOptions { Name = "县人民政府", Prefix = "县政规", Channel = "县人民政府门户网站" };
                options.Issuers[DemoData.DevelopmentReform] = new IssuingBodyOptions { Name = "县发展和改革局", Prefix = "县发改规", Channel = "县人民政府门户网站" };
                options.Issuers[DemoData.Town] = new IssuingBodyOptions { Name = "城关镇人民政府", Prefix = "城关规", Channel = "城关镇人民政府门户网站" };
            }
        });
        return engine;
    }
}
