using Workflows.Host.Components.Dashboard;
using Workflows.Host.Components.Decisions;
using Workflows.Host.Components.Normative;
using Workflows.Host.Components.Public;

namespace Workflows.Host.Components.Registers;

/// <summary>The services behind the supervisor's dashboard, the registers, the decision wizard and the public pages.</summary>
public static class RegisterPagesHosting
{
    public static IServiceCollection AddRegisterPages(this IServiceCollection services)
    {
        services.AddScoped<ConsultationDesk>();
        services.AddScoped<SupervisionBoard>();
        services.AddScoped<DecisionDesk>();
        services.AddScoped<RegisterDesk>();
        services.AddScoped<NormativeTaskDesk>();
        return services;
    }
}
