using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Workflows.Engine;
using Workflows.Engine.Scheduling;
using Workflows.Procedures.Digests;
using Workflows.Procedures.Duties;
using Workflows.Procedures.Units;

namespace Workflows.Procedures;

public static class ProceduresWorkflowEngineBuilderExtensions
{
    /// <summary>
    /// The recurring statutory duties (one recurring job per duty, one instance per responsible
    /// unit and period), their BPMN processes (published at start), the quarterly deadline
    /// notices and the configured unit directory. Options: <c>Workflows:Duties</c> and
    /// <c>Workflows:Units</c>. Call after <c>AddNotifications</c>, whose recipient directory the
    /// digests use; the host replaces <see cref="IUnitDirectory"/> with its units table by
    /// registering its own (TryAdd here, or Replace after).
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A duty is misconfigured.</exception>
    public static WorkflowEngineBuilder AddProcedureDuties(this WorkflowEngineBuilder builder, Action<DutiesOptions>? configure = null)
    {
        var services = builder.Services;
        if (services.Any(s => s.ServiceType == typeof(DutyCatalogue)))
        {
            return builder; // called twice: the jobs are registered already
        }
        var duties = services.AddOptions<DutiesOptions>().BindConfiguration(DutiesOptions.Section);
        if (configure is not null)
        {
            duties.Configure(configure);
        }
        services.AddOptions<UnitDirectoryOptions>()
            .Configure<IConfiguration>((o, configuration) => configuration.GetSection(UnitDirectoryOptions.Section).Bind(o.Units));

        services.TryAddSingleton<IUnitDirectory, ConfiguredUnitDirectory>();
        services.TryAddSingleton<DutyCatalogue>();
        services.TryAddSingleton<DutySchedule>();
        services.TryAddSingleton<DutyDefinitionInstaller>();
        services.TryAddSingleton<DutyLauncher>();
        services.TryAddSingleton<QuarterlyDigestSender>();
        services.AddSingleton<IHostedService, DutyDefinitionInstallerService>();

        // Recurring jobs are services, so the set of duties must be known while services are
        // registered: read the same settings once now. A wrong setting fails here, at start.
        var settings = new DutiesOptions();
        builder.Configuration.GetSection(DutiesOptions.Section).Bind(settings);
        configure?.Invoke(settings);
        foreach (var key in DutyCatalogue.Build(settings).Select(d => d.Key))
        {
            services.AddSingleton<IRecurringJob>(sp => new DutyJob(
                sp.GetRequiredService<DutyCatalogue>().Find(key) ?? throw new InvalidOperationException($"The duty '{key}' vanished from the configuration after start."),
                sp.GetRequiredService<DutySchedule>(),
                sp.GetRequiredService<DutyLauncher>));
        }
        if (settings.QuarterlyDigest.Enabled)
        {
            builder.AddRecurringJob<QuarterlyDigestJob>();
        }
        return builder;
    }
}
