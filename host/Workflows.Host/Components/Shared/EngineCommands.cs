using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Workflows.Engine.Runtime;
using Workflows.Host.Resources;

namespace Workflows.Host.Components.Shared;

/// <summary>
/// Runs an engine command from a page and says in the page's language why it was refused, as the
/// API would answer 409/403/404: someone else got there first, it is not yours, it is gone.
/// Validation failures are left to the caller, which shows them beside the fields they name.
/// </summary>
public static class EngineCommands
{
    public static async Task<bool> TryAsync(Func<Task> command, ISnackbar snackbar, IStringLocalizer<UiText> text, ILogger logger)
    {
        try
        {
            await command();
            return true;
        }
        catch (WorkflowValidationException ex)
        {
            snackbar.Add(string.Join(" ", ex.Errors.Select(e => e.Message).DefaultIfEmpty(ex.Message)), Severity.Error);
        }
        catch (WorkflowException ex)
        {
            snackbar.Add(Explain(ex, text), Severity.Error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unhandled exception would end the person's circuit (the page goes dead); say it failed instead.
            logger.LogError(ex, "A command from the web pages failed");
            snackbar.Add(text["Error.Unexpected"], Severity.Error);
        }
        return false;
    }

    /// <summary>The log category of the pages' commands.</summary>
    public sealed class Log;

    public static string Explain(WorkflowException exception, IStringLocalizer<UiText> text) => exception switch
    {
        WorkflowConflictException => text["Error.Conflict"],
        WorkflowForbiddenException => text["Error.Forbidden"],
        WorkflowNotFoundException => text["Error.NotFound"],
        WorkflowExecutionException e => text["Error.Execution", e.ActivityId, e.Reason],
        _ => exception.Message,
    };
}
