using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Engine;

/// <summary>Returned by <c>AddWorkflowEngine</c>; provider and adapter projects add their <c>UseXxx</c> extensions to it.</summary>
public sealed class WorkflowEngineBuilder(IServiceCollection services, IConfiguration configuration)
{
    public IServiceCollection Services { get; } = services;
    public IConfiguration Configuration { get; } = configuration;
}
